package dev.hl7ferry.cdk.alarm;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.storage.FerryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The alarms, all to one encrypted SNS topic: a dead-letter queue holds anything, the oldest
 * inbound message is too old, the converter fails or is throttled, a site's edge put nothing under
 * {@code inbound/{site}/} for {@code edgeSilentMinutes} (S3 request metrics per site).
 */
public final class FerryAlarms extends Construct {
  private final Topic topic;
  private final List<Alarm> alarms = new ArrayList<>();

  /** What the alarms watch. */
  public record Watched(
      IKey key, IBucket bucket, Queue inbound, List<Queue> deadLetters, IFunction converter) {}

  public FerryAlarms(Construct scope, String id, FerrySettings settings, Watched w) {
    super(scope, id);
    topic =
        Topic.Builder.create(this, "Topic")
            .displayName("HL7 Ferry alarms")
            .masterKey(w.key())
            .enforceSsl(true)
            .build();
    if (!settings.alarmEmail().isEmpty()) {
      topic.addSubscription(new EmailSubscription(settings.alarmEmail()));
    }
    Duration minute = Duration.minutes(1);
    for (Queue dead : w.deadLetters()) {
      add(
          "DeadLetters-" + dead.getNode().getId(),
          "A dead-letter queue holds messages that failed every attempt: inspect and redrive",
          dead.metricApproximateNumberOfMessagesVisible(max(minute)),
          1,
          1,
          TreatMissingData.NOT_BREACHING);
    }
    add(
        "InboundAge",
        "The oldest inbound message waited longer than "
            + settings.maxInboundAgeSeconds()
            + " s: the converter is behind or failing",
        w.inbound().metricApproximateAgeOfOldestMessage(max(minute)),
        settings.maxInboundAgeSeconds(),
        3,
        TreatMissingData.NOT_BREACHING);
    add(
        "ConverterErrors",
        "The converter failed whole invocations (a failed record alone is a partial batch)",
        w.converter().metricErrors(sum(Duration.minutes(5))),
        1,
        1,
        TreatMissingData.NOT_BREACHING);
    add(
        "ConverterThrottles",
        "The converter was throttled: the account's concurrency is exhausted",
        w.converter().metricThrottles(sum(Duration.minutes(5))),
        1,
        1,
        TreatMissingData.NOT_BREACHING);
    for (String site : settings.sites()) {
      Metric puts =
          Metric.Builder.create()
              .namespace("AWS/S3")
              .metricName("PutRequests")
              .dimensionsMap(
                  Map.of(
                      "BucketName", w.bucket().getBucketName(),
                      "FilterId", FerryStorage.metricsFilterId(site)))
              .statistic("Sum")
              .period(Duration.minutes(settings.edgeSilentMinutes()))
              .build();
      // No put at all means no data point: that missing data is the silence being watched.
      Alarm silent =
          Alarm.Builder.create(this, "EdgeSilent-" + site)
              .alarmDescription(
                  "Site "
                      + site
                      + " put nothing under inbound/"
                      + site
                      + "/ for "
                      + settings.edgeSilentMinutes()
                      + " min: edge down, disconnected or its senders quiet")
              .metric(puts)
              .threshold(1)
              .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
              .evaluationPeriods(1)
              .treatMissingData(TreatMissingData.BREACHING)
              .build();
      notify(silent);
    }
  }

  private void add(
      String id,
      String description,
      IMetric metric,
      int threshold,
      int periods,
      TreatMissingData missing) {
    notify(
        Alarm.Builder.create(this, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .evaluationPeriods(periods)
            .treatMissingData(missing)
            .build());
  }

  private void notify(Alarm alarm) {
    alarm.addAlarmAction(new SnsAction(topic));
    alarm.addOkAction(new SnsAction(topic));
    alarms.add(alarm);
  }

  private static MetricOptions max(Duration period) {
    return MetricOptions.builder().statistic("Maximum").period(period).build();
  }

  private static MetricOptions sum(Duration period) {
    return MetricOptions.builder().statistic("Sum").period(period).build();
  }

  public Topic topic() {
    return topic;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}
