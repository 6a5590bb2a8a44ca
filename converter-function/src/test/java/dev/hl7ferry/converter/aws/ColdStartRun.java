package dev.hl7ferry.converter.aws;

import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Cold-start measurement: starts the local cloud in this JVM, uploads the golden templates and
 * payloads, then launches {@code ColdStartMain} RUNS times in a brand-new JVM on the function's
 * shaded jar with the deployment's JVM options in {@code JAVA_TOOL_OPTIONS} (as the function's
 * configuration sets them on Lambda), and prints the time from process launch to the first event
 * handled. The in-process servers are warmed up first and one launch is not counted. The AppCDS
 * archive those options name is made first by one training run when missing or older than the jar
 * (on Lambda it is built the same way and shipped with the jar). Not a unit test; see the module
 * README ({@code scripts/ferry-convert cold-start}). Args: JAR [RUNS] [--no-archive] (the same
 * options without the AppCDS archive, for comparison).
 */
public final class ColdStartRun {
  /** The deployment's JVM options, without the archive (added after {@code SharedArchiveFile=}). */
  public static final String JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto";

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String EVENT = "src/test/resources/events/fifo-batch.json";
  private static final Pattern HANDLED = Pattern.compile("handled at epoch ms (\\d+)");
  private static final Pattern CHILD_CPU = Pattern.compile("process CPU (\\d+) ms");

  private ColdStartRun() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path archive = jar.resolveSibling("converter-function-cds.jsa");
    try (LocalCloud cloud =
            LocalCloud.start(
                LocalCloudConfig.defaults().withBucket("ferry").withSites(List.of("site-a")));
        S3Client s3 = LocalClients.s3(cloud)) {
      upload(s3);
      warmServers(cloud, s3);
      boolean useArchive = !List.of(args).contains("--no-archive");
      if (useArchive
          && (!Files.exists(archive)
              || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))
                  < 0)) {
        Files.deleteIfExists(archive);
        String out = launch(cloud, jar, JVM_OPTIONS + " -XX:ArchiveClassesAtExit=" + archive);
        System.out.println("training run (makes " + archive.getFileName() + "): " + first(out));
      }
      String options = JVM_OPTIONS + (useArchive ? " -XX:SharedArchiveFile=" + archive : "");
      // One uncounted launch of the function itself (its JVM is new in every counted run).
      System.out.println("warm-up launch (not counted): " + first(launch(cloud, jar, options)));
      System.out.println("JAVA_TOOL_OPTIONS=" + options);
      List<Long> figures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long[] before = cpuTicks();
        long ownBefore = ownCpuMillis();
        long launched = System.currentTimeMillis();
        String out = launch(cloud, jar, options);
        long[] after = cpuTicks();
        Matcher m = HANDLED.matcher(out);
        if (!m.find()) {
          throw new IllegalStateException("run " + (i + 1) + " did not handle the event:\n" + out);
        }
        long ms = Long.parseLong(m.group(1)) - launched;
        Matcher c = CHILD_CPU.matcher(out);
        long childCpu = c.find() ? Long.parseLong(c.group(1)) : 0;
        String others = othersCpu(before, after, childCpu + ownCpuMillis() - ownBefore);
        figures.add(ms);
        System.out.println(
            "run "
                + (i + 1)
                + ": "
                + ms
                + " ms launch to first event handled | "
                + first(out)
                + " | other processes' CPU meanwhile: "
                + others);
        out.lines()
            .filter(l -> l.contains("[cds]") || l.contains("shared archive"))
            .forEach(l -> System.out.println("  " + l));
      }
      List<Long> sorted = figures.stream().sorted().toList();
      System.out.println(
          "cold start over "
              + runs
              + " runs: min "
              + sorted.get(0)
              + " ms, median "
              + sorted.get(sorted.size() / 2)
              + " ms, max "
              + sorted.get(sorted.size() - 1)
              + " ms");
    }
  }

  /**
   * The in-process S3/SQS servers were just started and run interpreted: a few seconds of the
   * request kinds a cold start makes bring them to the speed of an always-warm service, so the
   * figures measure the function, not the local cloud's JIT warm-up.
   */
  private static void warmServers(LocalCloud cloud, S3Client s3) {
    try (SqsClient sqs = LocalClients.sqs(cloud)) {
      String url = sqs.createQueue(b -> b.queueName("cold-start-warm-up")).queueUrl();
      long until = System.nanoTime() + 5_000_000_000L;
      int rounds = 0;
      while (System.nanoTime() < until) {
        s3.listObjectsV2(b -> b.bucket("ferry").prefix("templates/"));
        s3.getObjectAsBytes(b -> b.bucket("ferry").key("templates/routes.yaml"));
        s3.putObject(b -> b.bucket("ferry").key("warm-up/object"), RequestBody.fromString("x"));
        sqs.getQueueUrl(b -> b.queueName("cold-start-warm-up"));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("warm-up"));
        rounds++;
      }
      System.out.println("local cloud warmed up: " + rounds + " rounds of S3 and SQS requests");
    }
  }

  /**
   * The machine's busy and total CPU ticks (Linux {@code /proc/stat}, 1/100 s), so that a run
   * slowed down by other processes shows as such; null elsewhere.
   */
  private static long[] cpuTicks() throws IOException {
    Path file = Path.of("/proc/stat");
    if (!Files.exists(file)) {
      return null;
    }
    String[] f = Files.readAllLines(file).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {total - idle, total};
  }

  private static long ownCpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
  }

  /** CPU seconds used by everything but the child and this JVM (the local cloud) during a run. */
  private static String othersCpu(long[] before, long[] after, long oursMillis) {
    if (before == null || after == null) {
      return "unknown";
    }
    long busyMillis = (after[0] - before[0]) * 10;
    return String.format("%.1f s", Math.max(0, busyMillis - oursMillis) / 1000.0);
  }

  private static String first(String out) {
    return out.lines().filter(l -> l.startsWith("cold start")).findFirst().orElse(out);
  }

  private static String launch(LocalCloud cloud, Path jar, String options)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java, "-cp", jar.toString(), "dev.hl7ferry.converter.lambda.ColdStartMain", EVENT)
            .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("JAVA_TOOL_OPTIONS", options);
    env.put("FERRY_BUCKET", "ferry");
    env.put("FERRY_S3_ENDPOINT", cloud.s3Endpoint().toString());
    env.put("FERRY_SQS_ENDPOINT", cloud.sqsEndpoint().toString());
    env.put("AWS_REGION", cloud.region());
    env.put("AWS_ACCESS_KEY_ID", cloud.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", cloud.secretAccessKey());
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException("ColdStartMain exited with " + code + ":\n" + out);
    }
    return out;
  }

  private static void upload(S3Client s3) throws IOException {
    Path store = GOLDEN.resolve("store");
    try (var files = Files.walk(store)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          String key = "templates/" + store.relativize(p).toString().replace('\\', '/');
          s3.putObject(b -> b.bucket("ferry").key(key), RequestBody.fromFile(p));
        }
      }
    }
    for (String[] e :
        new String[][] {
          {"e1", "vendor-oru.hl7"}, {"e2", "legacy-adt.hl7"}, {"e3", "legacy-adt.hl7"}
        }) {
      s3.putObject(
          b -> b.bucket("ferry").key("inbound/site-a/2026/01/01/" + e[0] + ".hl7"),
          RequestBody.fromFile(GOLDEN.resolve("cases/" + e[1])));
    }
  }
}
