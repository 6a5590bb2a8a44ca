package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.SpoolConfig;
import dev.hl7ferry.edge.ship.AckAfter;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.VolatileSpool;
import java.nio.file.Path;
import javax.inject.Singleton;

/**
 * Chooses the spool: the durable one (journal + SQLite index), or none at all for benchmarks. With
 * {@code ackAfter: spool} it answers once the journal's fsync covers a message; {@code ackAfter:
 * cloud} needs the index's exact outcome (a resend is confirmed at once), so it answers after that.
 */
@Module
public interface SpoolModule {

  @Provides
  @Singleton
  static Spool spool(EdgeConfig config) {
    SpoolConfig spool = config.spool();
    return switch (spool.durability()) {
      case NONE -> new VolatileSpool();
      case FULL ->
          SqliteSpool.open(
              new SpoolSettings(
                      Path.of(spool.dataDir()),
                      spool.maxBytes(),
                      spool.maxMessages(),
                      spool.maxBatchSize())
                  .answeringAt(
                      config.ship().ackAfter() == AckAfter.CLOUD
                          ? SpoolSettings.AnswerAt.INDEX
                          : SpoolSettings.AnswerAt.JOURNAL));
    };
  }
}
