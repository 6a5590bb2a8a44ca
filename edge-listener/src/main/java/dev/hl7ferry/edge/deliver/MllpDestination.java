package dev.hl7ferry.edge.deliver;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.tls.ClientTls;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers HL7 v2 outputs over MLLP on one kept-alive connection: send, wait for the ACK, judge it
 * ({@link AckReading}). Blocking sockets on the caller's (delivery) thread, never an event loop.
 * The connection is closed and opened again after anything that leaves its state unknown (no ACK in
 * time, a reply for another message, an unreadable reply, an I/O error), so a late reply can never
 * be taken for the next message's. With TLS the server's certificate and name are checked at each
 * connect; a handshake that fails is a transient failure whose reason says why (the output stays at
 * the head of its line).
 */
public final class MllpDestination implements Destination {
  private static final Logger LOG = LoggerFactory.getLogger(MllpDestination.class);

  /** A connection idle this long is probed before reuse (a peer may have closed it meanwhile). */
  private static final long PROBE_AFTER_IDLE_NANOS = Duration.ofSeconds(1).toNanos();

  private final String name;
  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final Duration ackTimeout;
  private final ClientTls tls;
  private MllpClient connection;
  private long lastUsedNanos;

  /**
   * @param ackTimeout how long to wait without a byte of the ACK before giving up
   */
  public MllpDestination(
      String name, String host, int port, Duration connectTimeout, Duration ackTimeout) {
    this(name, host, port, connectTimeout, ackTimeout, null);
  }

  /**
   * @param tls the client side of MLLP over TLS, or null for plain MLLP
   */
  public MllpDestination(
      String name,
      String host,
      int port,
      Duration connectTimeout,
      Duration ackTimeout,
      ClientTls tls) {
    this.name = name;
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.connectTimeout = connectTimeout;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DeliveryResult deliver(Output output) throws InterruptedException {
    String controlId;
    try {
      controlId = AckReading.controlId(output.payload());
    } catch (Hl7ParseException e) {
      return DeliveryResult.applicationError("output is not HL7 v2 with an MSH: " + e.getMessage());
    }
    if (controlId.isEmpty()) {
      return DeliveryResult.applicationError("output has no MSH-10 to match the ACK against");
    }
    MllpClient client;
    try {
      client = connection();
    } catch (SSLException e) {
      return DeliveryResult.transientFailure(
          "TLS handshake with " + host + ":" + port + " failed: " + e.getMessage());
    } catch (IOException e) {
      return DeliveryResult.transientFailure(
          "cannot connect to " + host + ":" + port + ": " + e.getMessage());
    }
    try {
      client.send(output.payload());
      byte[] reply = client.receive();
      AckReading.Verdict verdict = AckReading.judge(reply, controlId);
      if (!verdict.connectionUsable()) {
        closeConnection();
      }
      lastUsedNanos = System.nanoTime();
      return verdict.result();
    } catch (SocketTimeoutException e) {
      closeConnection();
      return DeliveryResult.transientFailure("no ACK within " + ackTimeout.toMillis() + " ms");
    } catch (IOException e) {
      closeConnection();
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("delivery to " + name + " interrupted");
      }
      return DeliveryResult.transientFailure("connection failed: " + e);
    }
  }

  private synchronized MllpClient connection() throws IOException {
    if (connection != null
        && System.nanoTime() - lastUsedNanos > PROBE_AFTER_IDLE_NANOS
        && !connection.stillOpen(Duration.ofMillis(1))) {
      LOG.info("destination {}: idle connection was closed by the peer, reconnecting", name);
      closeConnection();
    }
    if (connection == null) {
      connection = MllpClient.connect(host, port, connectTimeout, ackTimeout, tls);
      lastUsedNanos = System.nanoTime();
      LOG.info(
          "destination {}: connected to {}:{}{}", name, host, port, tls == null ? "" : " (TLS)");
    }
    return connection;
  }

  private synchronized void closeConnection() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (IOException e) {
      LOG.warn("destination {}: closing the connection failed", name, e);
    }
    connection = null;
  }

  @Override
  public void close() {
    closeConnection();
  }
}
