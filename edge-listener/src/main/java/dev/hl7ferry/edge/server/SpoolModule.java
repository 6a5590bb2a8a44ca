package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.SpoolConfig;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.VolatileSpool;
import java.nio.file.Path;
import javax.inject.Singleton;

/** Chooses the spool: the durable SQLite one, or none at all for benchmarks. */
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
                  spool.maxBatchSize()));
    };
  }
}
