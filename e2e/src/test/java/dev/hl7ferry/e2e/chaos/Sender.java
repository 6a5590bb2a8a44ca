package dev.hl7ferry.e2e.chaos;

import dev.hl7ferry.edge.client.MllpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A good sender, as a hospital system behaves: one connection, one message at a time, waits for its
 * ACK; when the connection breaks it reconnects and goes on with the next message (a message that
 * got no answer is counted as unanswered, not resent, so only acknowledged messages are owed).
 */
final class Sender implements Runnable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(20);

  private final Ledger ledger;
  private final int index;
  private final int port;
  private final long maxMessages;
  private final int badEvery;
  private final int size;
  private final long pauseNanos;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong acks = new AtomicLong();
  private long next;

  /**
   * @param badEvery every this many messages one is bad by design (0: none)
   * @param size message size in bytes
   * @param perSecond at most this many messages a second (0: as fast as the ACKs come)
   */
  Sender(
      Ledger ledger, int index, int port, long maxMessages, int badEvery, int size, int perSecond) {
    this.ledger = ledger;
    this.index = index;
    this.port = port;
    this.maxMessages = maxMessages;
    this.badEvery = badEvery;
    this.size = size;
    this.pauseNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
  }

  /** Stops after the message in flight. */
  void stop() {
    stop.set(true);
  }

  /** AA/CA answers so far. */
  long acks() {
    return acks.get();
  }

  @Override
  public void run() {
    while (!done()) {
      try (MllpClient client = MllpClient.connect("127.0.0.1", port, ACK_TIMEOUT)) {
        sendAll(client);
      } catch (IOException e) {
        pause(100);
      }
    }
  }

  private boolean done() {
    return stop.get() || next >= maxMessages || Thread.currentThread().isInterrupted();
  }

  private void sendAll(MllpClient client) throws IOException {
    long due = System.nanoTime();
    while (!done()) {
      if (pauseNanos > 0) {
        due += pauseNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          pause(wait / 1_000_000);
        }
      }
      long n = next++;
      // Counted across the scenario's senders: the first message is bad, then every badEvery-th.
      boolean bad = badEvery > 0 && ledger.nextSequence() % badEvery == 0;
      String controlId = ledger.prefix() + "-" + index + "-" + n;
      client.send(Messages.adt(controlId, index, bad, size));
      ledger.sent();
      byte[] ack;
      try {
        ack = client.receive();
      } catch (IOException e) {
        ledger.unanswered();
        throw e;
      }
      String code = Messages.ackCode(ack);
      if (code.equals("AA") || code.equals("CA")) {
        ledger.acked(controlId, bad);
        acks.incrementAndGet();
      } else {
        ledger.nak(code, Messages.errorCode(ack));
        pause(50);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
