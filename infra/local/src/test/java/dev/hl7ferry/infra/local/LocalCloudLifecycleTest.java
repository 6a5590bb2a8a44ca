package dev.hl7ferry.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.infra.local.aws.LocalClients;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class LocalCloudLifecycleTest {

  @TempDir Path dataDir;

  @Test
  void objectsInADataDirectorySurviveARestart() {
    LocalCloudConfig config = LocalCloudConfig.defaults().withS3DataDir(dataDir);
    try (LocalCloud first = LocalCloud.start(config);
        S3Client s3 = LocalClients.s3(first)) {
      s3.putObject(
          b -> b.bucket(first.bucket()).key("inbound/x/1.hl7"), RequestBody.fromString("one"));
    }

    try (LocalCloud second = LocalCloud.start(config);
        S3Client s3 = LocalClients.s3(second)) {
      String read =
          s3.getObjectAsBytes(b -> b.bucket(second.bucket()).key("inbound/x/1.hl7")).asUtf8String();
      assertEquals("one", read);
    }
  }

  @Test
  void aStoppedCloudRestartsOnTheSamePortsAndClosesThemWhenStopped() throws Exception {
    int s3Port;
    int sqsPort;
    try (LocalCloud first = LocalCloud.start()) {
      s3Port = first.s3Port();
      sqsPort = first.sqsPort();
    }
    assertRefused(s3Port);
    assertRefused(sqsPort);

    try (LocalCloud second =
        LocalCloud.start(LocalCloudConfig.defaults().withPorts(s3Port, sqsPort))) {
      assertEquals(s3Port, second.s3Port());
      assertEquals(sqsPort, second.sqsPort());
      assertTrue(second.inboundQueueUrl().contains(":" + sqsPort + "/"));
    }
  }

  @Test
  void standardQueuesHaveNoFifoSuffix() {
    try (LocalCloud cloud =
            LocalCloud.start(
                LocalCloudConfig.defaults().withFifo(false).withSites(List.of("east")));
        SqsClient sqs = LocalClients.sqs(cloud)) {
      assertTrue(cloud.inboundQueueUrl().endsWith("/hl7-ferry-inbound"));
      assertTrue(cloud.outboundQueueUrl("east").endsWith("/hl7-ferry-outbound-east"));
      sqs.sendMessage(b -> b.queueUrl(cloud.inboundQueueUrl()).messageBody("plain"));
      assertEquals(
          "plain",
          sqs.receiveMessage(b -> b.queueUrl(cloud.inboundQueueUrl()).waitTimeSeconds(2))
              .messages()
              .get(0)
              .body());
    }
  }

  @Test
  void anUnknownSiteHasNoQueue() {
    try (LocalCloud cloud = LocalCloud.start()) {
      assertThrows(IllegalArgumentException.class, () -> cloud.outboundQueueUrl("nowhere"));
    }
  }

  @Test
  void noNonDaemonThreadOutlivesTheCloud() throws InterruptedException {
    LocalCloud.start().close();

    // Pekko's dispatcher threads end shortly after the actor system terminates.
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> alive = nonDaemonThreads();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      alive = nonDaemonThreads();
    }
    assertEquals(List.of(), alive);
  }

  private static List<String> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .map(Thread::getName)
        .filter(name -> !name.equals("main") && !name.startsWith("surefire"))
        .filter(name -> !name.equals(Thread.currentThread().getName()))
        .sorted()
        .toList();
  }

  private static void assertRefused(int port) {
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
  }
}
