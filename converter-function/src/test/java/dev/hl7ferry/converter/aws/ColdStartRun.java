package dev.hl7ferry.converter.aws;

import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cold-start measurement: starts the local cloud in this JVM, uploads the golden templates and
 * payloads, then runs {@code ColdStartMain} in a brand-new JVM on the function's shaded jar (as
 * Lambda would) with one SQS event, several times, printing the time from process start to the
 * event handled. Not a unit test; see the module README. Args: JAR [RUNS].
 */
public final class ColdStartRun {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private ColdStartRun() {}

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> jvmOptions =
        args.length > 2 ? List.of(args[2].split(" ")) : List.of("-XX:TieredStopAtLevel=1");
    try (LocalCloud cloud =
            LocalCloud.start(
                LocalCloudConfig.defaults().withBucket("ferry").withSites(List.of("site-a")));
        S3Client s3 = LocalClients.s3(cloud)) {
      upload(s3);
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command(jar, jvmOptions)).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("FERRY_BUCKET", "ferry");
        env.put("FERRY_S3_ENDPOINT", cloud.s3Endpoint().toString());
        env.put("FERRY_SQS_ENDPOINT", cloud.sqsEndpoint().toString());
        env.put("AWS_REGION", cloud.region());
        env.put("AWS_ACCESS_KEY_ID", cloud.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", cloud.secretAccessKey());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        String line = out.lines().filter(l -> l.startsWith("cold start")).findFirst().orElse(out);
        System.out.println(
            "run " + (i + 1) + ": " + line + " | process wall " + wall + " ms, exit " + code);
      }
    }
  }

  private static List<String> command(String jar, List<String> jvmOptions) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add("java");
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-cp",
            jar,
            "dev.hl7ferry.converter.lambda.ColdStartMain",
            "src/test/resources/events/fifo-batch.json"));
    return cmd;
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
