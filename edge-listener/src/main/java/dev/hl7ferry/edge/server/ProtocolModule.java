package dev.hl7ferry.edge.server;

import dagger.Module;
import dagger.Provides;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.connection.AcceptRate;
import dev.hl7ferry.edge.connection.ConnectionLimiter;
import dev.hl7ferry.edge.connection.ConnectionLog;
import dev.hl7ferry.edge.connection.IdleCloser;
import dev.hl7ferry.edge.connection.InFlightBudget;
import dev.hl7ferry.edge.connection.InFlightLimiter;
import dev.hl7ferry.edge.connection.OutsideFrameTimeout;
import dev.hl7ferry.edge.connection.PeerFilter;
import dev.hl7ferry.edge.connection.PeerLimiter;
import dev.hl7ferry.edge.connection.RefusalLog;
import dev.hl7ferry.edge.connection.WritabilityGate;
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
import dev.hl7ferry.edge.tls.TlsStart;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLLP protocol: the one place that declares each connection's pipeline, in order from the
 * socket inwards, and builds each handler from plain values.
 */
@Module
public interface ProtocolModule {
  Logger LOG = LoggerFactory.getLogger(ProtocolModule.class);

  /** How much of an oversized frame is kept to read its MSH. */
  int OVERSIZED_HEAD_BYTES = 64 * 1024;

  /**
   * The handlers of one connection, socket side first: the gates a new connection must pass (allow
   * list, per-address cap, accept rate, total cap), then timeouts, TLS, framing and the protocol;
   * the in-flight limiter sits where it sees both the frames coming in and their replies going out.
   */
  @Provides
  static List<HandlerFactory> pipeline(
      RefusalLog refusals,
      EdgeEvents events,
      @Named("openConnections") AtomicInteger open,
      PipelineSettings s,
      Provider<IdleCloser> idle,
      Provider<MllpFrameEncoder> encoder,
      Provider<MllpFrameDecoder> decoder,
      Provider<ConnectionLog> log,
      Provider<OutsideFrameTimeout> outsideFrame,
      Provider<FrameTimeoutHandler> frameTimeout,
      Provider<ReplySequencer> sequencer,
      InFlightBudget budget,
      Provider<MessageReader> reader,
      Provider<SpoolHandoff> handoff) {
    return List.of(
        l -> new PeerFilter(l.settings().allow(), refusals, l.name()),
        l -> new PeerLimiter(l.peers(), l.settings().maxConnectionsPerIp(), refusals, l.name()),
        l -> new AcceptRate(l.acceptTokens(), refusals, l.name()),
        l -> new ConnectionLimiter(open, s.maxConnections(), refusals, l.name(), events),
        l -> idle.get(),
        l -> new TlsStart(l.tls()),
        l -> encoder.get(),
        l -> decoder.get(),
        l -> log.get(),
        l -> outsideFrame.get(),
        l -> frameTimeout.get(),
        l -> new WritabilityGate(),
        l -> sequencer.get(),
        l -> new InFlightLimiter(budget),
        l -> reader.get(),
        l -> handoff.get());
  }

  /** Every listener, its TLS files loaded (and watched) once; the server binds and closes them. */
  @Provides
  @Singleton
  static List<Listener> listeners(EdgeConfig config) {
    return Settings.listeners(config).stream().map(Listener::open).toList();
  }

  /** The memory all connections together may hold in flight ({@code limits.inFlightBytes}). */
  @Provides
  @Singleton
  static InFlightBudget budget(EdgeConfig config) {
    InFlightBudget budget =
        new InFlightBudget(config.limits().budget(Runtime.getRuntime().maxMemory()));
    LOG.info("in-flight budget {} bytes", budget.limit());
    return budget;
  }

  /** Refused connections, counted, and logged at most once a minute per address. */
  @Provides
  @Singleton
  static RefusalLog refusals(EdgeEvents events) {
    return new RefusalLog(events);
  }

  @Provides
  static IdleCloser idle(PipelineSettings s) {
    return new IdleCloser(s.idleTimeout().toSeconds());
  }

  @Provides
  static OutsideFrameTimeout outsideFrame(PipelineSettings s) {
    return new OutsideFrameTimeout(s.outsideFrameTimeout());
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
