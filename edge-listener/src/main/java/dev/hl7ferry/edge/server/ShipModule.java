package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.aws.AwsShipping;
import dev.hl7ferry.edge.config.CloudConfig;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.ShipConfig;
import dev.hl7ferry.edge.receive.AckGate;
import dev.hl7ferry.edge.receive.CloudHandoff;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.ShipListener;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.ShipperSpool;
import dev.hl7ferry.edge.spool.Spool;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipping to the cloud: the {@link Shipper} over the spool's read side when {@code ship.enabled},
 * and the {@link AckGate} the receive path consults before each positive ACK. AWS types stay in
 * {@code aws}: this module only hands plain settings to {@link AwsShipping}.
 */
@Module
public interface ShipModule {
  Logger LOG = LoggerFactory.getLogger(ShipModule.class);

  /** The cloud settings the config describes. */
  @Provides
  static CloudSettings cloudSettings(EdgeConfig config) {
    CloudConfig c = config.cloud();
    return new CloudSettings(
        c.region(),
        c.s3EndpointUri(),
        c.sqsEndpointUri(),
        c.pathStyle(),
        c.maxConnections(),
        Duration.ofMillis(c.connectTimeoutMillis()),
        Duration.ofSeconds(c.requestTimeoutSeconds()));
  }

  /** The shipper, not started ({@link EdgeServer} starts and stops it); empty when disabled. */
  @Provides
  @Singleton
  static Optional<Shipper> shipper(
      EdgeConfig config, Spool spool, CloudSettings cloud, Clock clock) {
    ShipConfig ship = config.ship();
    if (!ship.enabled()) {
      LOG.info("shipping disabled (ship.enabled: false): messages stay in the spool");
      return Optional.empty();
    }
    LOG.info(
        "shipping as site {} to s3://{} and {} (region {}, ackAfter {})",
        ship.site(),
        ship.bucket(),
        ship.queueUrl(),
        cloud.region(),
        ship.ackAfter());
    if (!(spool instanceof ShipperSpool reader)) {
      throw new IllegalStateException("ship.enabled needs a durable spool to read from");
    }
    return Optional.of(
        AwsShipping.shipper(reader, ship.settings(), cloud, ShipListener.NONE, clock));
  }

  @Provides
  @Singleton
  static CloudHandoff handoff(Optional<Shipper> shipper) {
    if (shipper.isEmpty()) {
      return CloudHandoff.NONE;
    }
    Shipper s = shipper.get();
    return new CloudHandoff() {
      @Override
      public void stored() {
        s.wake();
      }

      @Override
      public CompletableFuture<Void> whenShipped(String entryId) {
        return s.whenShipped(entryId);
      }
    };
  }

  @Provides
  @Singleton
  static AckGate ackGate(EdgeConfig config, CloudHandoff handoff) {
    ShipConfig ship = config.ship();
    return new AckGate(handoff, ship.ackAfter(), ship.ackTimeout());
  }
}
