package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.version.ManifestVersion;
import dev.hl7ferry.edge.admin.AccessToken;
import dev.hl7ferry.edge.admin.AdminServer;
import dev.hl7ferry.edge.admin.AdminSettings;
import dev.hl7ferry.edge.config.AdminConfig;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.SpoolConfig;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.events.FanOut;
import dev.hl7ferry.edge.metrics.EdgeMetrics;
import dev.hl7ferry.edge.outbound.OutboundService;
import dev.hl7ferry.edge.outbound.OutboundStore;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.spool.SqliteSpool;
import dev.hl7ferry.edge.status.Listeners;
import dev.hl7ferry.edge.status.ReadinessCheck;
import dev.hl7ferry.edge.status.StatusBoard;
import dev.hl7ferry.edge.status.StatusSource;
import io.netty.channel.group.ChannelGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The admin port and what feeds it: the {@link EdgeEvents} every part reports to (the metrics and
 * the status board; {@link EdgeEvents#NONE} when {@code admin.port} is 0, so nothing is counted),
 * the status snapshot and the {@link AdminServer}.
 */
@Module
public interface AdminModule {

  @Provides
  @Singleton
  static StatusBoard board(Clock clock) {
    return new StatusBoard(clock);
  }

  /** The metrics, when the admin port is on. */
  @Provides
  @Singleton
  static Optional<EdgeMetrics> metrics(EdgeConfig config) {
    if (!config.admin().enabled()) {
      return Optional.empty();
    }
    return Optional.of(new EdgeMetrics(destinations(config)));
  }

  /** The one listener the receive, ship and outbound parts report to. */
  @Provides
  @Singleton
  static EdgeEvents events(Optional<EdgeMetrics> metrics, StatusBoard board) {
    return metrics.<EdgeEvents>map(m -> FanOut.of(List.of(m, board))).orElse(EdgeEvents.NONE);
  }

  @Provides
  @Singleton
  static StatusSource status(
      EdgeConfig config,
      Clock clock,
      Listeners listeners,
      ChannelGroup connections,
      StatusBoard board,
      Spool spool,
      Optional<OutboundService> outbound) {
    Optional<SqliteSpool> durable =
        spool instanceof SqliteSpool s ? Optional.of(s) : Optional.empty();
    StatusSource.Parts parts =
        new StatusSource.Parts(
            () -> durable.map(SqliteSpool::currentStats),
            config.ship().enabled(),
            outbound.map(OutboundService::destinations).orElse(List.of()),
            () ->
                outbound
                    .map(o -> o.store().backlog())
                    .orElse(new OutboundStore.Backlog(Map.of(), Map.of())));
    Optional<Path> spoolDir =
        config.spool().durability() == SpoolConfig.Durability.FULL
            ? Optional.of(Path.of(config.spool().dataDir()))
            : Optional.empty();
    String version = ManifestVersion.of(AdminModule.class);
    return new StatusSource(
        version.equals(ManifestVersion.UNKNOWN) ? "development build" : version,
        clock,
        listeners,
        connections,
        board,
        parts,
        new ReadinessCheck(listeners, spoolDir, config.admin().minFreeDiskBytes()));
  }

  /** The admin port, not started ({@code ferry-edge run} starts it); empty when off. */
  @Provides
  @Singleton
  static Optional<AdminServer> admin(
      EdgeConfig config, Optional<EdgeMetrics> metrics, StatusSource status, StatusBoard board) {
    if (metrics.isEmpty()) {
      return Optional.empty();
    }
    AdminConfig c = config.admin();
    Optional<AccessToken> token;
    try {
      token =
          AccessToken.load(
              c.hasTokenFile() ? Optional.of(Path.of(c.tokenFile())) : Optional.empty(),
              System.getenv());
    } catch (IOException e) {
      throw new UncheckedIOException("admin.tokenFile: cannot read " + c.tokenFile(), e);
    }
    metrics.get().watch(status, destinations(config));
    return Optional.of(
        new AdminServer(
            new AdminSettings(c.bindAddress(), c.bindPort(), token, c.refreshSeconds()),
            status,
            board,
            metrics.get()));
  }

  private static List<String> destinations(EdgeConfig config) {
    return config.outbound().enabled()
        ? List.copyOf(config.outbound().destinations().keySet())
        : List.of();
  }
}
