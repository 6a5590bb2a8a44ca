package dev.hl7ferry.edge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.config.ConfigLoader;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener's spool answers when its {@code ackAfter} needs it: {@code spool} at the journal
 * write (outcome ACCEPTED, the duplicate check follows in the index), {@code cloud} after the index
 * (the exact outcome: the ACK gate confirms a resend at once).
 */
class SpoolModuleTest {
  @TempDir Path dir;

  private static final IncomingMessage MESSAGE =
      new IncomingMessage(
          "MSH|^~\\&|LAB|HOSP|FERRY|CLOUD|20260101120000||ADT^A01|M1|P|2.5.1\rPID|1||100\r"
              .getBytes(StandardCharsets.UTF_8),
          "UTF-8",
          "LAB",
          "HOSP",
          "FERRY",
          "CLOUD",
          "ADT^A01",
          "M1",
          "P",
          "2.5.1",
          "127.0.0.1:50000",
          Instant.parse("2026-11-29T10:00:00Z"));

  private static StoreOutcome[] storeTwice(Spool spool) throws Exception {
    StoreResult first = spool.store(MESSAGE).get(10, TimeUnit.SECONDS);
    StoreResult second = spool.store(MESSAGE).get(10, TimeUnit.SECONDS);
    return new StoreOutcome[] {first.outcome(), second.outcome()};
  }

  @Test
  void ackAfterSpoolAnswersAtTheJournal() throws Exception {
    EdgeConfig config =
        new ConfigLoader().load(null, Map.of("spool.dataDir", dir.resolve("data").toString()));
    try (Spool spool = SpoolModule.spool(config, Settings.ack(config.ship()))) {
      StoreOutcome[] outcomes = storeTwice(spool);
      assertEquals(StoreOutcome.ACCEPTED, outcomes[0]);
      assertEquals(StoreOutcome.ACCEPTED, outcomes[1]);
    }
  }

  @Test
  void ackAfterCloudAnswersWithTheIndexOutcome() throws Exception {
    Path file = dir.resolve("edge.yaml");
    Files.writeString(
        file,
        """
        spool:
          dataDir: %s
        cloud:
          region: us-east-1
          s3Endpoint: http://127.0.0.1:9090
          sqsEndpoint: http://127.0.0.1:9324
          pathStyle: true
        ship:
          enabled: true
          site: north
          bucket: hl7-ferry
          queueUrl: http://127.0.0.1:9324/000000000000/hl7-ferry-inbound.fifo
          ackAfter: cloud
        """
            .formatted(dir.resolve("data")));
    EdgeConfig config = new ConfigLoader().load(file, Map.of());
    try (Spool spool = SpoolModule.spool(config, Settings.ack(config.ship()))) {
      StoreOutcome[] outcomes = storeTwice(spool);
      assertEquals(StoreOutcome.STORED, outcomes[0]);
      assertEquals(StoreOutcome.DUPLICATE, outcomes[1]);
    }
  }
}
