package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.receive.AckSettings;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.spool.VolatileSpool;
import javax.inject.Singleton;

/**
 * Chooses the spool: the durable one (journal + SQLite index), or none at all for benchmarks; when
 * a store answers follows the ACK policy ({@link Settings#spool}).
 */
@Module
public interface SpoolModule {

  @Provides
  @Singleton
  static Spool spool(EdgeConfig config, AckSettings ack) {
    return switch (config.spool().durability()) {
      case NONE -> new VolatileSpool();
      case FULL -> SqliteSpool.open(Settings.spool(config.spool(), ack.ackAfter()));
    };
  }
}
