package dev.hl7ferry.cdk.converter;

import dev.hl7ferry.cdk.settings.FerrySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The converter Lambda: the Maven-built zip on java21/arm64 with SnapStart, published as a version
 * behind the alias {@code live}, which the inbound queue and the vendors' results queues drive with
 * partial-batch responses. Its role has one policy: {@link ConverterPolicy} and the vendors'
 * grants.
 */
public final class ConverterFunction extends Construct {
  /** The handler class of converter-function. */
  public static final String HANDLER = "dev.hl7ferry.converter.lambda.ConverterHandler";

  /**
   * 1024 MB: Lambda gives CPU in proportion to memory (1,769 MB = one vCPU) and a cold start or a
   * SnapStart restore is CPU-bound class loading and template compiling; rendering itself (about
   * 30,000 renders per second per core) is not the limit, the S3 and SQS round trips are.
   */
  public static final int MEMORY_MB = 1024;

  /**
   * 30 s for a batch of at most 10 records: warm, each costs a GetObject, a render and per output a
   * PutObject and a SendMessage (well under 1 s for the batch); the rest leaves room for a restore,
   * the first load of the template store and the SDK's retries of a slow call.
   */
  public static final Duration TIMEOUT = Duration.seconds(30);

  /** The queue's visibility timeout: six times the function timeout, as Lambda advises. */
  public static final Duration QUEUE_VISIBILITY = Duration.seconds(6 * 30);

  /** A FIFO event source takes at most 10 records per batch. */
  public static final int BATCH_SIZE = 10;

  /** The project's deployment JVM options (converter-function/README.md) without the CDS file. */
  public static final String JAVA_TOOL_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** The variables set besides the vendors' ({@code VendorEnvironment} refuses these names). */
  public static final Set<String> ENVIRONMENT_NAMES =
      Set.of(
          "FERRY_BUCKET",
          "FERRY_TEMPLATES_PREFIX",
          "FERRY_TEMPLATE_TTL",
          "FERRY_OUTBOUND_QUEUE",
          "JAVA_TOOL_OPTIONS");

  /** What the vendors add: their results queues (event sources), variables and role statements. */
  public record Vendors(
      List<? extends IQueue> results,
      Map<String, String> environment,
      List<PolicyStatement> statements) {}

  private final Function function;
  private final Alias alias;
  private final Role role;
  private final ManagedPolicy policy;

  public ConverterFunction(
      Construct scope,
      String id,
      FerrySettings settings,
      Path zip,
      Key key,
      IBucket bucket,
      IQueue inbound,
      Collection<? extends IQueue> outbound,
      Vendors vendors) {
    super(scope, id);
    Stack stack = Stack.of(this);
    key.addToResourcePolicy(logsMayUse(stack));
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .encryptionKey(key)
            .retention(RetentionDays.THREE_MONTHS)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("HL7 Ferry converter: least privilege, no AWS-managed policies")
            .build();
    policy =
        ManagedPolicy.Builder.create(this, "Policy")
            .description("HL7 Ferry converter: its log group, bucket prefixes, queues and key")
            .roles(List.of(role))
            .statements(
                concat(
                    ConverterPolicy.statements(logs, bucket, inbound, outbound, key),
                    vendors.statements()))
            .build();
    function =
        Function.Builder.create(this, "Function")
            .description("HL7 Ferry converter: routes and renders inbound messages")
            .runtime(Runtime.JAVA_21)
            .architecture(Architecture.ARM_64)
            .code(Code.fromAsset(zip.toString()))
            .handler(HANDLER + "::handleRequest")
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            // Everything the function needs is in the policy above; CDK adds nothing inline.
            .role(role.withoutPolicyUpdates())
            .logGroup(logs)
            .environmentEncryption(key)
            .environment(environment(settings, bucket, vendors.environment()))
            .build();
    // SnapStart snapshots a published version; the alias moves with each deployment's version.
    alias =
        Alias.Builder.create(this, "Live")
            .aliasName("live")
            .version(function.getCurrentVersion())
            .build();
    // The function, its version and the event source mapping are created only once the role's
    // policy is attached (CloudFormation would otherwise try the mapping with no SQS rights).
    function.getNode().addDependency(policy);
    alias.getNode().addDependency(policy);
    // No batching window: Lambda does not allow one on a FIFO queue (records are handed over as
    // soon as a message group has any).
    // The vendors' results queues drive the same alias the same way; the converter tells their
    // records from inbound ones by the queue name in each record's eventSourceARN.
    for (IQueue queue : concat(List.of(inbound), vendors.results())) {
      alias.addEventSource(
          SqsEventSource.Builder.create(queue)
              .batchSize(BATCH_SIZE)
              .reportBatchItemFailures(true)
              .maxConcurrency(settings.maxConcurrency())
              .build());
    }
  }

  private static Map<String, String> environment(
      FerrySettings settings, IBucket bucket, Map<String, String> vendors) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FERRY_BUCKET", bucket.getBucketName());
    env.put("FERRY_TEMPLATES_PREFIX", "templates/");
    env.put("FERRY_TEMPLATE_TTL", "PT60S");
    env.put("FERRY_OUTBOUND_QUEUE", settings.outboundQueuePattern());
    env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    env.putAll(vendors);
    return env;
  }

  private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** CloudWatch Logs encrypts the function's log group with the key, for this account only. */
  private static PolicyStatement logsMayUse(Stack stack) {
    return PolicyStatement.Builder.create()
        .effect(Effect.ALLOW)
        .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
        .actions(
            List.of(
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*"))
        .resources(List.of("*"))
        .conditions(
            Map.of(
                "ArnLike",
                Map.of(
                    "kms:EncryptionContext:aws:logs:arn",
                    "arn:"
                        + stack.getPartition()
                        + ":logs:"
                        + stack.getRegion()
                        + ":"
                        + stack.getAccount()
                        + ":log-group:*")))
        .build();
  }

  public Function function() {
    return function;
  }

  /** The role's one policy. */
  public ManagedPolicy policy() {
    return policy;
  }

  /** A child construct by id (cdk-nag acknowledgements). */
  public IConstruct child(String id) {
    return getNode().findChild(id);
  }

  /** The function's role (vendors name it in their resource policies). */
  public Role role() {
    return role;
  }

  public Alias alias() {
    return alias;
  }
}
