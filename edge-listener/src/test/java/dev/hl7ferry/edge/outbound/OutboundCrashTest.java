package dev.hl7ferry.edge.outbound;

import static dev.hl7ferry.edge.outbound.OutboundDeliveryTest.await;
import static dev.hl7ferry.edge.outbound.OutboundDeliveryTest.receivedControlIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.config.OutboundConfig;
import dev.hl7ferry.edge.server.EdgeProcess;
import dev.hl7ferry.edge.sink.MllpSink;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge runs as its own JVM with an outbound section, is killed with SIGKILL while it delivers,
 * and restarted on the same data directory: every output reaches the sink, in order, and the only
 * outputs that arrive twice are one run just before the kill, at most {@code maxUncommitted} long
 * (delivered, or in flight, but not yet recorded): delivery is at least once.
 */
class OutboundCrashTest {
  @RegisterExtension static final LocalCloudExtension CLOUD = new LocalCloudExtension();

  @TempDir Path dir;

  @Test
  void aSigkillDuringDeliveryResumesAndResendsAtMostTheUnrecordedRun() throws Exception {
    int total = 300;
    String run = UUID.randomUUID().toString().substring(0, 8);
    LocalCloud cloud = CLOUD.cloud();
    Path data = dir.resolve("data");
    try (OutboundRig rig = new OutboundRig(cloud);
        MllpSink sink = new MllpSink("127.0.0.1", 0, dir.resolve("sink/lis"), AckOutcome.ACCEPT)) {
      int port = sink.start().getPort();
      Path config = dir.resolve("edge.yaml");
      Files.writeString(config, yaml(cloud, data, port));
      List<OutboundEnvelope> envelopes = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        String controlId = "K" + run + String.format("%05d", i);
        expected.add(controlId);
        envelopes.add(
            rig.envelope("env-" + run + "-" + i, "lis", OutboundRig.hl7(controlId), true));
      }
      List<String> jvm =
          List.of(
              "-Daws.accessKeyId=" + cloud.accessKeyId(),
              "-Daws.secretAccessKey=" + cloud.secretAccessKey());
      try (EdgeProcess edge = EdgeProcess.start(dir, "first", jvm, "--config", config.toString())) {
        rig.send(envelopes);
        await(Duration.ofSeconds(60), () -> sink.received() >= total / 5);
        edge.kill();
      }
      long atKill = sink.received();
      assertTrue(atKill < total, "the kill came during delivery: " + atKill);
      try (EdgeProcess restarted =
          EdgeProcess.start(dir, "second", jvm, "--config", config.toString())) {
        // Messages the first edge took but had not deleted come back after the visibility timeout.
        await(
            Duration.ofSeconds(120),
            () -> new LinkedHashSet<>(receivedControlIds(dir.resolve("sink/lis"))).size() >= total);
        restarted.stop();
      }
      List<String> received = receivedControlIds(dir.resolve("sink/lis"));
      assertEquals(expected, new ArrayList<>(new LinkedHashSet<>(received)));
      assertResentRunAtMost(OutboundConfig.DEFAULT_MAX_UNCOMMITTED, expected, received);
    }
  }

  /**
   * {@code received} is {@code expected[0, k)} (the first edge) followed by {@code expected[j,
   * total)} (the restarted one) with {@code k - j <= bound}: a single run resent, right where the
   * kill came, none lost, none out of order.
   */
  static void assertResentRunAtMost(int bound, List<String> expected, List<String> received) {
    int k = 0;
    while (k < received.size() && k < expected.size() && received.get(k).equals(expected.get(k))) {
      k++;
    }
    int resent = received.size() - expected.size();
    int j = k - resent;
    assertTrue(
        resent >= 0 && resent <= bound && j >= 0,
        "at most " + bound + " outputs resent after the kill, got " + resent);
    assertEquals(
        expected.subList(j, expected.size()),
        received.subList(k, received.size()),
        "after the first " + k + " the restarted edge resends from output " + j);
  }

  private static String yaml(LocalCloud cloud, Path data, int sinkPort) {
    return String.join(
        "\n",
        "spool:",
        "  dataDir: " + data,
        "cloud:",
        "  region: " + cloud.region(),
        "  s3Endpoint: " + cloud.s3Endpoint(),
        "  sqsEndpoint: " + cloud.sqsEndpoint(),
        "  pathStyle: true",
        "outbound:",
        "  site: " + OutboundRig.SITE,
        "  queueUrl: " + cloud.outboundQueueUrl(OutboundRig.SITE),
        "  receiptsQueueUrl: " + cloud.receiptsQueueUrl(),
        "  waitTimeSeconds: 1",
        "  initialBackoffMillis: 50",
        "  maxBackoffMillis: 500",
        "  destinations:",
        "    lis: {type: mllp, host: 127.0.0.1, port: " + sinkPort + ", ackTimeoutMillis: 5000}",
        "");
  }
}
