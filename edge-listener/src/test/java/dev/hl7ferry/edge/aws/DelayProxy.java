package dev.hl7ferry.edge.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that holds every chunk a client sends for a fixed delay before passing
 * it on, standing in for the round trip to a real AWS region in benchmarks. It also counts HTTP/1.1
 * requests (lines that start a request at the beginning of a chunk), which is how the shipping
 * benchmark reports S3 and SQS requests per message.
 *
 * <p>Chunks of one connection keep their order: one single-threaded scheduler per connection, and
 * equal delays run in submission order.
 */
final class DelayProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final long delayMillis;
  private final ExecutorService pumps = Executors.newCachedThreadPool(daemon("delay-proxy"));
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean closed;

  private DelayProxy(ServerSocket server, InetSocketAddress target, long delayMillis) {
    this.server = server;
    this.target = target;
    this.delayMillis = delayMillis;
  }

  /** Starts a proxy on a free loopback port in front of {@code targetPort}. */
  static DelayProxy start(int targetPort, long delayMillis) throws IOException {
    ServerSocket server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    DelayProxy proxy =
        new DelayProxy(
            server,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort),
            delayMillis);
    proxy.pumps.execute(proxy::acceptLoop);
    return proxy;
  }

  /** The port clients connect to. */
  int port() {
    return server.getLocalPort();
  }

  /** HTTP requests seen so far. */
  long requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client = null;
      try {
        client = server.accept();
        client.setTcpNoDelay(true);
        Socket upstream = new Socket();
        upstream.setTcpNoDelay(true);
        try {
          upstream.connect(target, 5_000);
        } catch (IOException down) {
          // The target is down: refuse the client at once, as a down service would, instead
          // of leaving it waiting for an answer until its request timeout.
          client.close();
          upstream.close();
          continue;
        }
        Socket accepted = client;
        ScheduledExecutorService delayed =
            Executors.newSingleThreadScheduledExecutor(daemon("delay-proxy-send"));
        pumps.execute(() -> pump(accepted, upstream, delayed, true));
        pumps.execute(() -> pump(upstream, accepted, null, false));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("delay proxy: accept failed: " + e);
        }
      }
    }
  }

  /** Copies {@code from} to {@code to}; the request direction goes through {@code delayed}. */
  private void pump(Socket from, Socket to, ScheduledExecutorService delayed, boolean requests) {
    byte[] buffer = new byte[64 * 1024];
    try (from;
        to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (requests) {
          countRequests(buffer, n);
        }
        if (delayed == null) {
          out.write(buffer, 0, n);
          out.flush();
        } else {
          byte[] chunk = Arrays.copyOf(buffer, n);
          delayed.schedule(() -> write(out, chunk, to), delayMillis, TimeUnit.MILLISECONDS);
        }
      }
      if (delayed != null) {
        // Let the last chunks out before the sockets close.
        delayed.schedule(() -> {}, delayMillis, TimeUnit.MILLISECONDS).get();
      }
    } catch (Exception e) {
      // One side closed: the other is closed by try-with-resources.
    } finally {
      if (delayed != null) {
        delayed.shutdownNow();
      }
    }
  }

  private static void write(OutputStream out, byte[] chunk, Socket to) {
    try {
      out.write(chunk);
      out.flush();
    } catch (IOException e) {
      try {
        to.close();
      } catch (IOException ignored) {
        // already closing
      }
    }
  }

  /** Counts request lines ({@code METHOD /path HTTP/1.1}) that start at a line start in a chunk. */
  private void countRequests(byte[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      if ((i == 0 || buffer[i - 1] == '\n') && startsRequest(buffer, i, length)) {
        requests.incrementAndGet();
      }
    }
  }

  private static boolean startsRequest(byte[] b, int at, int length) {
    for (String method : new String[] {"GET ", "PUT ", "POST ", "DELETE ", "HEAD "}) {
      if (matches(b, at, length, method)) {
        int end = Math.min(length, at + 8_192);
        for (int i = at + method.length(); i + 8 < end; i++) {
          if (b[i] == '\r' || b[i] == '\n') {
            return false;
          }
          if (matches(b, i, length, " HTTP/1.1")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean matches(byte[] b, int at, int length, String text) {
    if (at + text.length() > length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (b[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    pumps.shutdownNow();
  }
}
