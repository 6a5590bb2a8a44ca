package dev.hl7ferry.cdk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AlarmsAndNagTest {
  private final SynthesizedStack s = SynthesizedStack.get();

  private List<JsonNode> alarms(String metric) {
    List<JsonNode> out = new ArrayList<>();
    Resources.ofType(s.json, "AWS::CloudWatch::Alarm")
        .values()
        .forEach(
            a -> {
              if (metric.equals(a.path("Properties").path("MetricName").asText())) {
                out.add(a.get("Properties"));
              }
            });
    return out;
  }

  @Test
  void everyDeadLetterQueueAlarmsOnItsFirstMessage() {
    List<JsonNode> dead = alarms("ApproximateNumberOfMessagesVisible");
    assertEquals(
        8,
        dead.size(),
        "inbound, receipts, two outbound, two vendors' results and two vendor queues' dead letters");
    for (JsonNode a : dead) {
      assertEquals(1, a.path("Threshold").asInt());
      assertEquals("GreaterThanOrEqualToThreshold", a.path("ComparisonOperator").asText());
      assertTrue(a.path("Dimensions").toString().contains("Dlq"), a.toString());
    }
  }

  @Test
  void theOldestInboundMessageAndTheConverterAreWatched() {
    JsonNode age = alarms("ApproximateAgeOfOldestMessage").get(0);
    assertEquals(300, age.path("Threshold").asInt());
    assertEquals(1, alarms("Errors").size());
    assertEquals(1, alarms("Throttles").size());
  }

  @Test
  void aSilentSiteAlarmsBecauseMissingPutsCountAsBreaching() {
    List<JsonNode> silent = alarms("PutRequests");
    Set<String> filters = new TreeSet<>();
    for (JsonNode a : silent) {
      assertEquals("breaching", a.path("TreatMissingData").asText());
      assertEquals("LessThanThreshold", a.path("ComparisonOperator").asText());
      assertEquals(3600, a.path("Period").asInt());
      a.path("Dimensions")
          .forEach(
              d -> {
                if (d.path("Name").asText().equals("FilterId")) {
                  filters.add(d.path("Value").asText());
                }
              });
    }
    assertEquals(Set.of("inbound-north", "inbound-south-2"), filters);
  }

  @Test
  void everyAlarmNotifiesTheTopic() {
    Resources.ofType(s.json, "AWS::CloudWatch::Alarm")
        .forEach(
            (id, a) ->
                assertTrue(
                    a.path("Properties").path("AlarmActions").toString().contains("AlarmsTopic"),
                    id));
    s.template.resourceCountIs("AWS::SNS::Subscription", 1);
  }

  @Test
  void cdkNagFindsNothingUnacknowledgedAndOnlyTheListedFindingsAreAcknowledged() {
    Set<String> acknowledged = new TreeSet<>();
    for (JsonNode plugin : s.validationReport.path("pluginReports")) {
      assertEquals(
          "success", plugin.path("conclusion").asText(), plugin.path("pluginName").asText());
      assertEquals(0, plugin.path("violations").size(), plugin.path("violations").toString());
      for (JsonNode v : plugin.path("suppressedViolations")) {
        for (JsonNode c : v.path("violatingConstructs")) {
          acknowledged.add(v.path("ruleName").asText() + " @ " + c.path("constructPath").asText());
        }
      }
    }
    Set<String> packs = new TreeSet<>();
    s.validationReport.path("pluginReports").forEach(p -> packs.add(p.path("pluginName").asText()));
    assertEquals(Set.of("AwsSolutions", "HIPAA.Security"), packs);
    // Finding-level acknowledgements (AwsSolutions-IAM5[Resource::...], one per prefix) are not
    // listed in the report; without them the synth above would have failed.
    assertEquals(
        new TreeSet<>(
            List.of(
                "AwsSolutions-L1 @ HL7FerryTest/Converter/Function/Resource",
                "HIPAA.Security-LambdaConcurrency @ HL7FerryTest/Converter/Function/Resource",
                "HIPAA.Security-LambdaDLQ @ HL7FerryTest/Converter/Function/Resource",
                "HIPAA.Security-LambdaInsideVPC @ HL7FerryTest/Converter/Function/Resource",
                "HIPAA.Security-S3BucketReplicationEnabled @ HL7FerryTest/Storage/AccessLogs/Resource",
                "HIPAA.Security-S3BucketReplicationEnabled @ HL7FerryTest/Storage/Bucket/Resource",
                "HIPAA.Security-S3DefaultEncryptionKMS @ HL7FerryTest/Storage/AccessLogs/Resource")),
        acknowledged);
  }
}
