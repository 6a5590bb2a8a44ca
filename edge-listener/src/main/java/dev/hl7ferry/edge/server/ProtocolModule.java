package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.connection.ConnectionLimiter;
import dev.hl7ferry.edge.connection.ConnectionLog;
import dev.hl7ferry.edge.connection.IdleCloser;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.mllp.FrameTimeoutHandler;
import dev.hl7ferry.edge.mllp.MllpFrameDecoder;
import dev.hl7ferry.edge.mllp.MllpFrameEncoder;
import dev.hl7ferry.edge.receive.AckGate;
import dev.hl7ferry.edge.receive.AckReplies;
import dev.hl7ferry.edge.receive.MessageReader;
import dev.hl7ferry.edge.receive.ReplySequencer;
import dev.hl7ferry.edge.receive.SpoolHandoff;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.tls.ServerTls;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import dev.hl7ferry.edge.tls.TlsStart;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The MLLP protocol: the one place that declares each connection's pipeline, in order from the
 * socket inwards, and builds each handler from plain values.
 */
@Module
public interface ProtocolModule {
  /** How much of an oversized frame is kept to read its MSH. */
  int OVERSIZED_HEAD_BYTES = 64 * 1024;

  /** The handlers of one connection, socket side first. */
  @Provides
  static List<Provider<? extends ChannelHandler>> pipeline(
      Provider<ConnectionLimiter> limiter,
      Provider<IdleCloser> idle,
      Provider<TlsStart> tls,
      Provider<MllpFrameEncoder> encoder,
      Provider<MllpFrameDecoder> decoder,
      Provider<ConnectionLog> log,
      Provider<FrameTimeoutHandler> frameTimeout,
      Provider<ReplySequencer> sequencer,
      Provider<MessageReader> reader,
      Provider<SpoolHandoff> handoff) {
    return List.of(
        limiter, idle, tls, encoder, decoder, log, frameTimeout, sequencer, reader, handoff);
  }

  @Provides
  static ConnectionLimiter limiter(
      @Named("openConnections") AtomicInteger open, PipelineSettings s, EdgeEvents events) {
    return new ConnectionLimiter(open, s.maxConnections(), events);
  }

  @Provides
  static IdleCloser idle(PipelineSettings s) {
    return new IdleCloser(s.idleTimeout().toSeconds());
  }

  /** TLS when {@code listener.tls} is enabled: the files are loaded (and watched) once. */
  @Provides
  @Singleton
  static Optional<ServerTlsContext> tlsContext(EdgeConfig config) {
    Optional<ServerTls> tls = Settings.tls(config.listener().tls());
    if (tls.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ServerTlsContext.open(tls.get()));
    } catch (IOException e) {
      throw new UncheckedIOException("listener.tls: " + e.getMessage(), e);
    }
  }

  @Provides
  static TlsStart tls(Optional<ServerTlsContext> context) {
    return new TlsStart(context);
  }

  @Provides
  @Singleton
  static MllpFrameEncoder encoder() {
    return new MllpFrameEncoder();
  }

  @Provides
  static MllpFrameDecoder decoder(PipelineSettings s) {
    return new MllpFrameDecoder(s.maxFrameBytes(), OVERSIZED_HEAD_BYTES, s.allowMissingCr());
  }

  @Provides
  static ConnectionLog connectionLog() {
    return new ConnectionLog();
  }

  @Provides
  static FrameTimeoutHandler frameTimeout(PipelineSettings s) {
    return new FrameTimeoutHandler(s.frameTimeout());
  }

  @Provides
  static ReplySequencer sequencer(PipelineSettings s) {
    return new ReplySequencer(s.maxPendingPerConnection());
  }

  @Provides
  static MessageReader reader(
      CharsetPolicy policy, AckReplies replies, Clock clock, EdgeEvents events) {
    return new MessageReader(policy, replies, clock, events);
  }

  @Provides
  static SpoolHandoff handoff(Spool spool, AckGate gate, AckReplies replies, EdgeEvents events) {
    return new SpoolHandoff(spool, gate, replies, events);
  }
}
