package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.aws.AwsShipping;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.receive.AckSettings;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.ShipperSpool;
import dev.hl7ferry.edge.spool.Spool;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipping to the cloud: the {@link Shipper} over the spool's read side when {@code ship.enabled}.
 * AWS types stay in {@code aws}: this module only hands plain settings to {@link AwsShipping}.
 */
@Module
public interface ShipModule {
  Logger LOG = LoggerFactory.getLogger(ShipModule.class);

  /** The cloud settings the config describes. */
  @Provides
  static CloudSettings cloudSettings(EdgeConfig config) {
    return Settings.cloud(config.cloud());
  }

  /** The shipper, not started ({@link EdgeServer} starts and stops it); empty when disabled. */
  @Provides
  @Singleton
  static Optional<Shipper> shipper(
      EdgeConfig config,
      AckSettings ack,
      Spool spool,
      CloudSettings cloud,
      Clock clock,
      EdgeEvents events) {
    if (!config.ship().enabled()) {
      LOG.info("shipping disabled (ship.enabled: false): messages stay in the spool");
      return Optional.empty();
    }
    ShipSettings ship = Settings.ship(config.ship());
    LOG.info(
        "shipping as site {} to s3://{} and {} (region {}, ackAfter {}, inline up to {} B,"
            + " archive {}, quarantine after {} refusals)",
        ship.site(),
        ship.bucket(),
        ship.queueUrl(),
        cloud.region(),
        ack.ackAfter(),
        ship.inline().maxBytes(),
        ship.archive(),
        ship.maxAttempts());
    if (!(spool instanceof ShipperSpool reader)) {
      throw new IllegalStateException("ship.enabled needs a durable spool to read from");
    }
    return Optional.of(AwsShipping.shipper(reader, ship, cloud, events, clock));
  }
}
