package dev.hl7ferry.edge.server;

import dev.hl7ferry.edge.outbound.OutboundService;
import dev.hl7ferry.edge.receive.DrainRequest;
import dev.hl7ferry.edge.ship.Shipper;
import dev.hl7ferry.edge.spool.Spool;
import dev.hl7ferry.edge.status.Listeners;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
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
  private final EdgeChannelInitializer initializer;
  private final ChannelGroup connections;
  private final Spool spool;
  private final Optional<Shipper> shipper;
  private final Optional<OutboundService> outbound;
  private final Optional<ServerTlsContext> tls;
  private final Listeners listeners;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel serverChannel;
  private boolean closed;

  @Inject
  EdgeServer(
      ServerSettings settings,
      EdgeChannelInitializer initializer,
      ChannelGroup connections,
      Spool spool,
      Optional<Shipper> shipper,
      Optional<OutboundService> outbound,
      Optional<ServerTlsContext> tls,
      Listeners listeners) {
    this.listeners = listeners;
    this.settings = settings;
    this.outbound = outbound;
    this.tls = tls;
    this.initializer = initializer;
    this.connections = connections;
    this.spool = spool;
    this.shipper = shipper;
  }

  /** Binds and starts accepting; returns the bound address (useful with port 0). */
  public synchronized InetSocketAddress start() throws InterruptedException {
    // The spool is open (built with this object): ship what an earlier run left unshipped.
    shipper.ifPresent(Shipper::start);
    // Outbound delivery runs from its local store: it starts before and apart from the listener.
    outbound.ifPresent(OutboundService::start);
    try {
      return bind();
    } catch (InterruptedException | RuntimeException e) {
      outbound.ifPresent(OutboundService::close);
      shipper.ifPresent(Shipper::stop);
      throw e;
    }
  }

  private InetSocketAddress bind() throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(settings.ioThreads(), NioIoHandler.newFactory());
    serverChannel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(initializer)
            .bind(settings.bindAddress(), settings.port())
            .sync()
            .channel();
    InetSocketAddress address = (InetSocketAddress) serverChannel.localAddress();
    listeners.bound(address, tls.isPresent());
    LOG.info("listening on {}{}", address, tls.isPresent() ? " (MLLP over TLS)" : "");
    return address;
  }

  /** Graceful stop; safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed || serverChannel == null) {
      return;
    }
    closed = true;
    LOG.info("stopping: no new connections, draining {} open ones", connections.size());
    listeners.closed();
    serverChannel.close().syncUninterruptibly();
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
    tls.ifPresent(ServerTlsContext::close);
    spool.close();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    LOG.info("stopped");
  }
}
