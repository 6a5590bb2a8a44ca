package dev.hl7ferry.edge.sink;

import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.ack.ControlIds;
import dev.hl7ferry.edge.mllp.MllpFrameDecoder;
import dev.hl7ferry.edge.mllp.MllpFrameEncoder;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The MLLP sink: listens, writes each message atomically as a file under a directory, and answers
 * AA (or the configured AE/AR) built by hl7-core's {@link AckBuilder}. Use from tests: start on
 * port 0, count {@link #received()}, {@link #close()}. With a {@link ServerTlsContext} it speaks
 * MLLP over TLS only (a hospital system that requires TLS, or client certificates).
 */
public final class MllpSink implements AutoCloseable {
  private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

  private final String bind;
  private final int port;
  private final SinkHandler handler;
  private final ServerTlsContext tls;
  private final MllpFrameEncoder encoder = new MllpFrameEncoder();
  private final boolean countingOnly;
  private EventLoopGroup loops;
  private EventExecutorGroup writers;
  private Channel server;

  /**
   * @param dir where each message is written as a file; null only counts them (benchmarks: the ACK
   *     is then built on the event loop, with no hand-off to a writer thread)
   * @param outcome ACCEPT answers AA/CA, ERROR AE/CE, REJECT AR/CR (the mode follows each message)
   */
  public MllpSink(String bind, int port, Path dir, AckOutcome outcome) throws IOException {
    this(bind, port, dir, outcome, null);
  }

  /** As above, over TLS when {@code tls} is not null; {@link #close()} closes it. */
  public MllpSink(String bind, int port, Path dir, AckOutcome outcome, ServerTlsContext tls)
      throws IOException {
    this.tls = tls;
    this.bind = bind;
    this.port = port;
    this.countingOnly = dir == null;
    if (dir != null) {
      Files.createDirectories(dir);
    }
    this.handler =
        new SinkHandler(
            dir == null ? null : dir.toAbsolutePath(),
            outcome,
            new AckBuilder(new ControlIds(), Clock.systemUTC()));
  }

  /** Binds and starts; returns the bound address (useful with port 0). */
  public synchronized InetSocketAddress start() throws InterruptedException {
    loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    // One writer thread: files are written in arrival order, and fsync stays off the event loop.
    // Counting only, nothing blocks: the ACK is answered on the event loop itself.
    writers = countingOnly ? null : new DefaultEventExecutorGroup(1);
    server =
        new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (tls != null) {
                      ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                    }
                    ch.pipeline()
                        .addLast(new MllpFrameDecoder(MAX_FRAME_BYTES, 1024, true))
                        .addLast(encoder)
                        .addLast(writers, "sink", handler);
                  }
                })
            .bind(bind, port)
            .sync()
            .channel();
    return (InetSocketAddress) server.localAddress();
  }

  /**
   * Calls {@code onStored} with each message's bytes once it is stored, before its ACK is sent, on
   * the sink's writer thread (counting only: its event loop; keep it short). For whole-product
   * tests and latency benchmarks.
   */
  public MllpSink onStored(Consumer<byte[]> onStored) {
    handler.listener(onStored);
    return this;
  }

  /** Messages taken so far (written as files unless counting only). */
  public long received() {
    return handler.written();
  }

  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    server.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (writers != null) {
      writers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (tls != null) {
      tls.close();
    }
    server = null;
  }
}
