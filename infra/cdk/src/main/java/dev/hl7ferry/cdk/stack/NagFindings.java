package dev.hl7ferry.cdk.stack;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.constructs.IConstruct;

/**
 * The cdk-nag findings (AwsSolutions and HIPAA Security packs) this stack accepts, each on the one
 * construct it concerns and with the reason; any other finding fails the synth.
 */
final class NagFindings {
  private NagFindings() {}

  static void acknowledge(FerryStack stack, FerrySettings settings) {
    var storage = stack.storage();
    var converter = stack.converter();
    String bucket = "<" + logicalId(storage.bucket()) + ".Arn>";

    ack(
        storage.bucket(),
        "HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled",
        "One region by design: versioning keeps overwritten objects, the raw archive can be"
            + " Object-Locked; cross-region replication would double storage and needs a key in"
            + " the second region. Add it in a derived stack if your policy requires it.");
    ack(
        storage.child("AccessLogs"),
        "HIPAA.Security::HIPAA.Security-S3BucketReplicationEnabled",
        "Server access logs of the ferry bucket: an audit copy, not replicated.");
    ack(
        storage.child("AccessLogs"),
        "HIPAA.Security::HIPAA.Security-S3DefaultEncryptionKMS",
        "S3 server access log delivery supports only SSE-S3 on the target bucket; the logs"
            + " hold request metadata (keys, callers), never message content.");

    IConstruct function = converter.function();
    ack(
        function,
        "AwsSolutions::AwsSolutions-L1",
        "java21 is the runtime the converter is built and measured for (SnapStart, arm64);"
            + " java25 is a one-line change once the cold start is measured on it.");
    ack(
        function,
        "HIPAA.Security::HIPAA.Security-LambdaInsideVPC",
        "The function talks only to S3, SQS and KMS over TLS with IAM-signed requests; a VPC"
            + " would add interface endpoints (about 7 USD per endpoint and AZ a month) and no"
            + " data path outside AWS's services.");
    ack(
        function,
        "HIPAA.Security::HIPAA.Security-LambdaDLQ",
        "A Lambda DLQ catches only asynchronous invocations; this function is invoked by an SQS"
            + " event source, whose failed records go to the inbound queue's dead-letter queue"
            + " (redrive after 5 receives, alarmed).");
    ack(
        function,
        "HIPAA.Security::HIPAA.Security-LambdaConcurrency",
        "Concurrency is capped by the event source's maximum concurrency (context"
            + " maxConcurrency); reserved concurrency would also take from the account pool and"
            + " fails deployment on new accounts whose limit is 10.");

    // Object keys are not known in advance: each wildcard is confined to one prefix.
    List<String> converterResources =
        new ArrayList<>(
            List.of(
                bucket + "/inbound/*",
                bucket + "/templates/*",
                bucket + "/outbound/*",
                bucket + "/errors/*",
                bucket + "/unmatched/*",
                "<" + logicalId(converter.child("Logs")) + ".Arn>:*"));
    if (!settings.vendors().isEmpty()) {
      converterResources.add(bucket + "/results/*");
      converterResources.add(bucket + "/originals/*");
    }
    for (String resource : converterResources) {
      ack(
          converter.policy(),
          "AwsSolutions-IAM5[Resource::" + resource + "]",
          "Objects (or log streams) under one fixed prefix (a vendor's bucket: the prefix the"
              + " vendor gave), which the function creates and reads by generated names.");
    }
    for (String site : settings.sites()) {
      IManagedPolicy policy = stack.edges().policies().get(site);
      for (String prefix : List.of("inbound/", "archive/", "outbound/")) {
        ack(
            policy,
            "AwsSolutions-IAM5[Resource::" + bucket + "/" + prefix + site + "/*]",
            "Objects under the site's own prefix only; keys are made per message.");
      }
    }
    acknowledgeVendors(stack, settings, bucket);
  }

  private static void acknowledgeVendors(FerryStack stack, FerrySettings settings, String bucket) {
    for (Vendor vendor : settings.vendors()) {
      for (VendorDestination d : vendor.destinations()) {
        if (d.type() == VendorDestination.Type.S3) {
          ackFinding(
              stack.converter().policy(),
              "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::"
                  + d.bucket()
                  + "/"
                  + d.prefix()
                  + "*]",
              "Objects under the one prefix vendor "
                  + vendor.name()
                  + " gave for its bucket; the converter names each object per output.");
        }
      }
    }
    for (Vendor vendor : settings.vendors()) {
      ack(
          stack.vendors().policies().get(vendor.name()),
          "AwsSolutions-IAM5[Resource::" + bucket + "/results/" + vendor.name() + "/*]",
          "Claim-check result objects under the vendor's own prefix only; the vendor names each"
              + " object per result.");
    }
  }

  /**
   * A finding-level acknowledgement whose id holds more than one {@code ::} (an {@code
   * arn:...:s3:::} resource), which {@code Validations.acknowledge} refuses as a prefixed id: the
   * same metadata entry it would record, which cdk-nag matches exactly.
   */
  private static void ackFinding(IConstruct construct, String id, String reason) {
    construct
        .getNode()
        .addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(id, reason));
  }

  private static void ack(IConstruct construct, String id, String reason) {
    Validations.of(construct).acknowledge(Acknowledgment.builder().id(id).reason(reason).build());
  }

  private static String logicalId(IConstruct construct) {
    CfnElement element = (CfnElement) construct.getNode().getDefaultChild();
    return String.valueOf(Stack.of(construct).resolve(Stack.of(construct).getLogicalId(element)));
  }
}
