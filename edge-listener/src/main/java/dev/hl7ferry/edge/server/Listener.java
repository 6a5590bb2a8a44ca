package dev.hl7ferry.edge.server;

import dev.hl7ferry.edge.connection.AcceptRate;
import dev.hl7ferry.edge.connection.PeerLimiter;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One listener at run time: its settings and what its connections share — the TLS context (loaded
 * and watched once), the open connections per peer address and the accept-rate tokens.
 */
public record Listener(
    ListenerSettings settings,
    Optional<ServerTlsContext> tls,
    PeerLimiter.Counts peers,
    AcceptRate.Bucket acceptTokens) {

  /** Loads the TLS files of {@code settings}; fails naming the listener. */
  static Listener open(ListenerSettings settings) {
    Optional<ServerTlsContext> tls = Optional.empty();
    if (settings.tls().isPresent()) {
      try {
        tls = Optional.of(ServerTlsContext.open(settings.tls().get()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "listener " + settings.name() + " tls: " + e.getMessage(), e);
      }
    }
    return new Listener(
        settings,
        tls,
        new PeerLimiter.Counts(),
        new AcceptRate.Bucket(
            settings.acceptRatePerSecond(), settings.acceptBurst(), System::nanoTime));
  }

  /** The listener's name. */
  public String name() {
    return settings.name();
  }

  /** Stops watching the TLS files. */
  void close() {
    tls.ifPresent(ServerTlsContext::close);
  }
}
