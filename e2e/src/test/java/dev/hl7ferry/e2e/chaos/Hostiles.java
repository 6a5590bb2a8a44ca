package dev.hl7ferry.e2e.chaos;

import dev.hl7ferry.edge.client.MllpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections that are no hospital system: many idle ones opened at once, slow ones sending a
 * message a byte a second, garbage streams that never read an answer, and frames over the edge's
 * {@code listener.maxFrameBytes} (1 MiB in the chaos stack).
 */
final class Hostiles implements AutoCloseable {
  private static final int OVERSIZED = 2 * 1024 * 1024;

  private final int port;
  private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Socket> idle = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong closedByEdge = new AtomicLong();
  private final AtomicLong garbageBytes = new AtomicLong();
  private final AtomicLong oversizedNaks = new AtomicLong();
  private final AtomicLong oversizedOther = new AtomicLong();

  Hostiles(int port) {
    this.port = port;
  }

  /** Opens {@code count} connections at once (4 threads connecting) and holds them idle. */
  void openIdle(int count) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < count; i++) {
      pool.execute(
          () -> {
            try {
              Socket s = connect();
              sockets.add(s);
              idle.add(s);
            } catch (IOException e) {
              refused.incrementAndGet();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
  }

  /** {@code count} connections each sending one valid message one byte a second. */
  void slow(int count) throws IOException {
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = connect();
      sockets.add(s);
      slow.add(s);
    }
    byte[] frame = frame(Messages.adt("SLOW-" + port, 0, false, 400));
    thread(
        "slow-senders",
        () -> {
          for (int at = 0; at < frame.length && !stop.get(); at++) {
            for (Socket s : slow) {
              try {
                s.getOutputStream().write(frame[at]);
              } catch (IOException e) {
                // closed by the edge's frame timeout: counted once the run ends
              }
            }
            sleep(1000);
          }
        });
  }

  /** {@code count} connections writing seeded random bytes as fast as the edge reads them. */
  void garbage(int count, long seed) {
    for (int i = 0; i < count; i++) {
      SplittableRandom random = new SplittableRandom(seed + i);
      thread(
          "garbage-" + i,
          () -> {
            byte[] chunk = new byte[16 * 1024];
            while (!stop.get()) {
              try (Socket s = connect()) {
                sockets.add(s);
                OutputStream out = s.getOutputStream();
                while (!stop.get()) {
                  random.nextBytes(chunk);
                  out.write(chunk);
                  garbageBytes.addAndGet(chunk.length);
                }
              } catch (IOException e) {
                closedByEdge.incrementAndGet();
                sleep(100);
              }
            }
          });
    }
  }

  /**
   * {@code count} connections sending 2 MiB frames, each with a readable MSH (answered AR with ERR
   * 104 when the edge keeps the head) and then an unreadable one (the edge closes the connection).
   */
  void oversized(int count) {
    byte[] readable = Messages.adt("HUGE-" + port, 0, false, OVERSIZED);
    byte[] unreadable = new byte[OVERSIZED];
    Arrays.fill(unreadable, (byte) 'z');
    for (int i = 0; i < count; i++) {
      thread(
          "oversized-" + i,
          () -> {
            while (!stop.get()) {
              try (MllpClient client =
                  MllpClient.connect("127.0.0.1", port, Duration.ofSeconds(10))) {
                client.send(readable);
                String ack = new String(client.receive(), StandardCharsets.ISO_8859_1);
                (ack.contains("MSA|AR") && ack.contains("|104") ? oversizedNaks : oversizedOther)
                    .incrementAndGet();
                client.send(unreadable);
                client.receive();
                oversizedOther.incrementAndGet();
              } catch (IOException e) {
                closedByEdge.incrementAndGet();
              }
              sleep(200);
            }
          });
    }
  }

  /** Idle connections the edge still holds (a read that times out means open). */
  long idleStillOpen() {
    long open = 0;
    for (Socket s : idle) {
      try {
        s.setSoTimeout(1);
        if (s.getInputStream().read() >= 0) {
          open++;
        }
      } catch (SocketTimeoutException e) {
        open++;
      } catch (IOException e) {
        // closed
      }
    }
    return open;
  }

  long refused() {
    return refused.get();
  }

  /** One line on what the garbage and oversized connections saw. */
  String summary() {
    return String.format(
        "%d hostile connections closed by the edge, %,d garbage bytes sent, "
            + "%d oversized frames answered AR/104, %d otherwise",
        closedByEdge.get(), garbageBytes.get(), oversizedNaks.get(), oversizedOther.get());
  }

  long oversizedNaks() {
    return oversizedNaks.get();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    return s;
  }

  private static byte[] frame(byte[] payload) {
    byte[] frame = new byte[payload.length + 3];
    frame[0] = 0x0B;
    System.arraycopy(payload, 0, frame, 1, payload.length);
    frame[frame.length - 2] = 0x1C;
    frame[frame.length - 1] = 0x0D;
    return frame;
  }

  private void thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Thread t : threads) {
      t.join(15_000);
    }
  }
}
