package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.infra.local.StaticCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The local cloud's own ceiling, without the shipper (not part of the test run): plain SDK
 * PutObject calls of 1 KB on N threads, then SendMessageBatch calls of ten, against a running
 * {@code LocalCloudMain}. Prints calls per second and, given the cloud's pid, its CPU per call.
 *
 * <pre>CloudProbe S3_PORT SQS_PORT QUEUE_URL [threads=16] [puts=20000] [cloudPid]</pre>
 */
public final class CloudProbe {

  private CloudProbe() {}

  public static void main(String[] args) throws Exception {
    int s3Port = Integer.parseInt(args[0]);
    int sqsPort = Integer.parseInt(args[1]);
    String queueUrl = args[2];
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int puts = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
    ProcessHandle cloud =
        args.length > 5 ? ProcessHandle.of(Long.parseLong(args[5])).orElseThrow() : null;
    StaticCredentials local = StaticCredentials.LOCAL;
    byte[] payload = new byte[1000];
    java.util.Arrays.fill(payload, (byte) 'x');
    try (AwsClients clients =
        AwsClients.create(
            CloudSettings.endpoints(
                "us-east-1",
                URI.create("http://127.0.0.1:" + s3Port),
                URI.create("http://127.0.0.1:" + sqsPort)),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(local.accessKeyId(), local.secretAccessKey())))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      for (int round = 0; round < 2; round++) { // the first round warms both JVMs up
        long cpu0 = cpu(cloud);
        long start = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < puts; i++) {
          String key = "probe/" + round + "/" + i;
          calls.add(
              pool.submit(
                  () ->
                      clients
                          .s3()
                          .putObject(
                              b -> b.bucket("hl7-ferry-local").key(key),
                              RequestBody.fromBytes(payload))));
        }
        for (Future<?> f : calls) {
          f.get();
        }
        report("PutObject 1 KB", puts, start, cpu0, cloud, round);
        cpu0 = cpu(cloud);
        start = System.nanoTime();
        calls.clear();
        int batches = puts / 10;
        for (int i = 0; i < batches; i++) {
          int n = i;
          List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
          for (int j = 0; j < 10; j++) {
            entries.add(
                SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(j))
                    .messageBody("{\"probe\":" + (n * 10 + j) + "}")
                    .messageGroupId("g" + (n % 8))
                    .messageDeduplicationId("r" + round + "-" + (n * 10 + j))
                    .build());
          }
          calls.add(
              pool.submit(
                  () ->
                      clients.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))));
        }
        for (Future<?> f : calls) {
          f.get();
        }
        report("SendMessageBatch of 10 (per message)", puts, start, cpu0, cloud, round);
      }
      pool.shutdown();
    }
  }

  private static void report(
      String what, int n, long start, long cpu0, ProcessHandle cloud, int round) {
    double seconds = (System.nanoTime() - start) / 1e9;
    String cpu =
        cloud == null
            ? ""
            : String.format(", cloud CPU %.3f ms each", (cpu(cloud) - cpu0) / 1e6 / n);
    System.out.printf(
        "%s %s: %d in %.1f s = %.0f/s%s%n",
        round == 0 ? "warm-up" : "measured", what, n, seconds, n / seconds, cpu);
  }

  private static long cpu(ProcessHandle cloud) {
    return cloud == null ? 0 : cloud.info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
  }
}
