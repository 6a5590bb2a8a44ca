package dev.hl7ferry.cdk.stack;

import dev.hl7ferry.cdk.alarm.FerryAlarms;
import dev.hl7ferry.cdk.converter.ConverterFunction;
import dev.hl7ferry.cdk.edge.EdgeAccess;
import dev.hl7ferry.cdk.edgeconfig.StackOutputs;
import dev.hl7ferry.cdk.queue.FerryQueues;
import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
import dev.hl7ferry.cdk.storage.FerryStorage;
import dev.hl7ferry.cdk.vendor.ConverterGrants;
import dev.hl7ferry.cdk.vendor.VendorAccess;
import dev.hl7ferry.cdk.vendor.VendorEnvironment;
import dev.hl7ferry.cdk.vendor.VendorResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The whole cloud side in one stack: storage, queues, converter, edge roles, vendors' queues and
 * roles, and alarms, plus the outputs from which {@code scripts/deploy} writes each site's edge
 * YAML and a vendor learns its queue URLs and role.
 */
public final class FerryStack extends Stack {
  /** Prefix of the per-site outputs; each holds one JSON object of {@link #EDGE_KEYS}. */
  public static final String EDGE_OUTPUT_PREFIX = StackOutputs.EDGE_OUTPUT_PREFIX;

  /** The keys of a per-site output's JSON value. */
  public static final List<String> EDGE_KEYS =
      List.of(
          "site",
          "region",
          "bucket",
          "kmsKeyArn",
          "inboundQueueUrl",
          "outboundQueueUrl",
          "receiptsQueueUrl",
          "roleArn",
          "trustAnchorArn",
          "profileArn",
          "archiveLockDays");

  private final FerryStorage storage;
  private final FerryQueues queues;
  private final ConverterFunction converter;
  private final EdgeAccess edges;
  private final VendorResults vendorQueues;
  private final VendorAccess vendors;
  private final FerryAlarms alarms;

  /**
   * @param converterZip the Lambda package (tests pass a small stand-in zip)
   */
  public FerryStack(
      Construct scope, String id, StackProps props, FerrySettings settings, Path converterZip) {
    super(scope, id, props);
    storage = new FerryStorage(this, "Storage", settings);
    queues =
        new FerryQueues(
            this, "Queues", settings, storage.key(), ConverterFunction.QUEUE_VISIBILITY);
    vendorQueues =
        new VendorResults(
            this, "Vendors", settings, storage.key(), ConverterFunction.QUEUE_VISIBILITY);
    converter =
        new ConverterFunction(
            this,
            "Converter",
            settings,
            converterZip,
            storage.key(),
            storage.bucket(),
            queues.inbound(),
            queues.outbound().values(),
            new ConverterFunction.Vendors(
                List.copyOf(vendorQueues.results().values()),
                VendorEnvironment.of(settings, vendorQueues, ConverterFunction.ENVIRONMENT_NAMES),
                ConverterGrants.statements(settings, vendorQueues, storage.bucket())));
    Map<String, IQueue> outbound = new LinkedHashMap<>(queues.outbound());
    edges =
        new EdgeAccess(
            this,
            "Edges",
            settings,
            new EdgeAccess.Resources(
                storage.key(), storage.bucket(), queues.inbound(), queues.receipts(), outbound));
    vendors =
        new VendorAccess(
            this, "VendorAccess", settings, vendorQueues, storage.key(), storage.bucket());
    List<Queue> deadLetters = new ArrayList<>(queues.deadLetters());
    deadLetters.addAll(vendorQueues.deadLetters());
    alarms =
        new FerryAlarms(
            this,
            "Alarms",
            settings,
            new FerryAlarms.Watched(
                storage.key(),
                storage.bucket(),
                queues.inbound(),
                deadLetters,
                converter.function()));
    outputs(settings);
    NagFindings.acknowledge(this, settings);
  }

  private void outputs(FerrySettings settings) {
    output("BucketName", storage.bucket().getBucketName(), "the bucket");
    output("KmsKeyArn", storage.key().getKeyArn(), "the KMS key of bucket, queues and logs");
    output("InboundQueueUrl", queues.inbound().getQueueUrl(), "edges send envelopes here");
    output("ReceiptsQueueUrl", queues.receipts().getQueueUrl(), "edges send delivery receipts");
    output("ConverterAliasArn", converter.alias().getFunctionArn(), "the converter's live alias");
    output(
        "ConverterRoleArn",
        converter.role().getRoleArn(),
        "vendors allow this role in the policies of their own queues, buses, buckets and keys");
    output("AlarmTopicArn", alarms.topic().getTopicArn(), "subscribe operators here");
    String anchor = edges.trustAnchor() == null ? "" : edges.trustAnchor().getAttrTrustAnchorArn();
    String profile = edges.profile() == null ? "" : edges.profile().getAttrProfileArn();
    if (edges.trustAnchor() != null) {
      output("TrustAnchorArn", anchor, "IAM Roles Anywhere trust anchor of the edges");
      output("ProfileArn", profile, "IAM Roles Anywhere profile of the edges");
    }
    int index = 1;
    for (String site : settings.sites()) {
      Map<String, Object> edge = new LinkedHashMap<>();
      edge.put("site", site);
      edge.put("region", getRegion());
      edge.put("bucket", storage.bucket().getBucketName());
      edge.put("kmsKeyArn", storage.key().getKeyArn());
      edge.put("inboundQueueUrl", queues.inbound().getQueueUrl());
      edge.put("outboundQueueUrl", queues.outbound().get(site).getQueueUrl());
      edge.put("receiptsQueueUrl", queues.receipts().getQueueUrl());
      edge.put("roleArn", edges.roles().get(site).getRoleArn());
      edge.put("trustAnchorArn", anchor);
      edge.put("profileArn", profile);
      edge.put("archiveLockDays", String.valueOf(settings.archiveLockDays()));
      output(EDGE_OUTPUT_PREFIX + index++, toJsonString(edge), "edge settings of site " + site);
    }
    index = 1;
    for (Vendor vendor : settings.vendors()) {
      String name = vendor.name();
      String prefix = "Vendor" + index++;
      output(
          prefix + "ResultsQueueUrl",
          vendorQueues.results().get(name).getQueueUrl(),
          "vendor " + name + " sends result envelopes here");
      output(
          prefix + "RoleArn", vendors.roles().get(name).getRoleArn(), "vendor " + name + "'s role");
      for (VendorDestination d : vendor.destinations()) {
        if (d.madeHere()) {
          output(
              prefix + "Queue" + (vendor.destinations().indexOf(d) + 1) + "Url",
              vendorQueues.destinationQueues().get(d.name()).getQueueUrl(),
              "vendor " + name + " reads destination " + d.name() + " here");
        }
      }
    }
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }

  public FerryStorage storage() {
    return storage;
  }

  public FerryQueues queues() {
    return queues;
  }

  public ConverterFunction converter() {
    return converter;
  }

  public EdgeAccess edges() {
    return edges;
  }

  public VendorResults vendorQueues() {
    return vendorQueues;
  }

  public VendorAccess vendors() {
    return vendors;
  }

  public FerryAlarms alarms() {
    return alarms;
  }
}
