package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.edge.aws.AwsOutbound;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.OutboundConfig;
import dev.hl7ferry.edge.deliver.Destination;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.outbound.OutboundService;
import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.ship.CloudSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound delivery: the {@link OutboundService} with one destination per configured entry, when
 * {@code outbound.destinations} is not empty. AWS types stay in {@code aws}.
 */
@Module
public interface OutboundModule {
  Logger LOG = LoggerFactory.getLogger(OutboundModule.class);

  /** The outbound half, not started ({@link EdgeServer} starts and stops it); empty when off. */
  @Provides
  @Singleton
  static Optional<OutboundService> outbound(
      EdgeConfig config, CloudSettings cloud, Clock clock, EdgeEvents events) {
    OutboundConfig c = config.outbound();
    if (!c.enabled()) {
      LOG.info("outbound delivery off (no outbound.destinations)");
      return Optional.empty();
    }
    OutboundSettings settings = Settings.outbound(c, config.spool(), config.ship().site());
    Map<String, Destination> destinations = new LinkedHashMap<>();
    c.destinations()
        .forEach((name, d) -> destinations.put(name, d.open(name, System.getenv(), clock)));
    return Optional.of(
        OutboundService.open(
            settings, destinations, AwsOutbound.cloud(settings, cloud), clock, events));
  }
}
