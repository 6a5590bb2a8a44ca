package dev.hl7ferry.edge.server;

import dev.hl7ferry.edge.outbound.OutboundService;
import dev.hl7ferry.edge.receive.DrainRequest;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.status.Listeners;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLLP listener: binds, accepts, and stops gracefully — stop accepting, let every connection
 * finish its pending stores and ACKs (up to the grace period), stop the shipper, then close the
 * spool. The outbound half (when a destination is configured) stops before the shipper; it runs on
 * its own store and threads. The shipper (when shipping is enabled) runs from {@link #start} to
 * {@link #close}: it outlives the connections because an {@code ackAfter: cloud} ACK still waits
 * for it.
 */
public final class EdgeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);

  private final ServerSettings settings;
  private final List<Listener> listeners;
  private final List<HandlerFactory> handlers;
  private final ChannelGroup connections;
  private final Spool spool;
  private final Optional<Shipper> shipper;
  private final Optional<OutboundService> outbound;
  private final Listeners boundListeners;
  private final Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
  private final List<Channel> serverChannels = new ArrayList<>();
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private boolean closed;

  @Inject
  EdgeServer(
      ServerSettings settings,
      List<Listener> listeners,
      List<HandlerFactory> handlers,
      ChannelGroup connections,
      Spool spool,
      Optional<Shipper> shipper,
      Optional<OutboundService> outbound,
      Listeners boundListeners) {
    this.boundListeners = boundListeners;
    this.settings = settings;
    this.outbound = outbound;
    this.listeners = listeners;
    this.handlers = handlers;
    this.connections = connections;
    this.spool = spool;
    this.shipper = shipper;
  }

  /**
   * Binds every listener and starts accepting; returns the first listener's bound address (useful
   * with port 0); {@link #addresses} has them all.
   */
  public synchronized InetSocketAddress start() throws InterruptedException {
    // The spool is open (built with this object): ship what an earlier run left unshipped.
    shipper.ifPresent(Shipper::start);
    // Outbound delivery runs from its local store: it starts before and apart from the listener.
    outbound.ifPresent(OutboundService::start);
    try {
      return bind();
    } catch (Exception e) { // Netty rethrows a failed bind's BindException unchecked
      serverChannels.forEach(channel -> channel.close().syncUninterruptibly());
      if (boss != null) {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        boss = null;
      }
      outbound.ifPresent(OutboundService::close);
      shipper.ifPresent(Shipper::stop);
      throw e;
    }
  }

  private InetSocketAddress bind() throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(settings.ioThreads(), NioIoHandler.newFactory());
    for (Listener listener : listeners) {
      ListenerSettings s = listener.settings();
      Channel channel =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.SO_KEEPALIVE, true)
              .childHandler(new EdgeChannelInitializer(listener, handlers, connections))
              .bind(s.bindAddress(), s.port())
              .sync()
              .channel();
      serverChannels.add(channel);
      InetSocketAddress address = (InetSocketAddress) channel.localAddress();
      bound.put(s.name(), address);
      boundListeners.bound(address, listener.tls().isPresent());
      LOG.info(
          "listener {} on {}{}, allowing {}",
          s.name(),
          address,
          listener.tls().isPresent() ? " (MLLP over TLS)" : "",
          s.allow());
    }
    return bound.values().iterator().next();
  }

  /** The bound address of each listener by name, in configuration order (after {@link #start}). */
  public synchronized Map<String, InetSocketAddress> addresses() {
    return Map.copyOf(bound);
  }

  /** Graceful stop; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed || boss == null) {
      return;
    }
    closed = true;
    LOG.info("stopping: no new connections, draining {} open ones", connections.size());
    boundListeners.closed();
    serverChannels.forEach(channel -> channel.close().syncUninterruptibly());
    for (Channel ch : connections) {
      ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(DrainRequest.INSTANCE));
    }
    long graceMillis = settings.shutdownGrace().toMillis();
    boolean drained =
        connections.newCloseFuture().awaitUninterruptibly(graceMillis, TimeUnit.MILLISECONDS);
    if (!drained) {
      LOG.warn(
          "closing {} connections that did not drain in {} ms", connections.size(), graceMillis);
      connections.close().awaitUninterruptibly();
    }
    outbound.ifPresent(OutboundService::close);
    shipper.ifPresent(Shipper::stop);
    listeners.forEach(Listener::close);
    spool.close();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    LOG.info("stopped");
  }
}
