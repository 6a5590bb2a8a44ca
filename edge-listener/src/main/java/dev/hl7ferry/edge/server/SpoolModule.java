package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.SpoolConfig;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.VolatileSpool;
import javax.inject.Singleton;

/** Chooses the spool: the durable one, or none at all for benchmarks. */
@Module
public interface SpoolModule {

  @Provides
  @Singleton
  static Spool spool(EdgeConfig config) {
    SpoolConfig spool = config.spool();
    return switch (spool.durability()) {
      case NONE -> new VolatileSpool();
      case FULL ->
          throw new IllegalStateException(
              "spool.durability full needs the SQLite spool, which this build does not include yet");
    };
  }
}
