package dev.hl7ferry.edge.client;

import dev.hl7ferry.edge.mllp.Mllp;
import dev.hl7ferry.edge.tls.ClientTls;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A blocking MLLP connection: writes framed messages and reads framed replies. Writing and reading
 * may happen on two threads (pipelining); each side on one thread only.
 */
public final class MllpClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private MllpClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  /** Connects; {@code timeout} bounds the connect and each {@link #receive}. */
  public static MllpClient connect(String host, int port, Duration timeout) throws IOException {
    return connect(host, port, timeout, timeout);
  }

  /**
   * Connects within {@code connectTimeout}; {@code readTimeout} bounds each wait for bytes in
   * {@link #receive}.
   */
  public static MllpClient connect(
      String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
    return connect(host, port, connectTimeout, readTimeout, null);
  }

  /**
   * Connects as above, then over TLS when {@code tls} is not null: the handshake (bounded by {@code
   * connectTimeout}) checks the server's certificate before anything is sent.
   */
  public static MllpClient connect(
      String host, int port, Duration connectTimeout, Duration readTimeout, ClientTls tls)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      if (tls != null) {
        socket.setSoTimeout((int) connectTimeout.toMillis());
        socket = tls.handshake(socket, host);
      }
      socket.setSoTimeout((int) readTimeout.toMillis());
      return new MllpClient(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** Writes one framed message (buffered until {@link #flush}). */
  public void write(byte[] payload) throws IOException {
    out.write(Mllp.START);
    out.write(payload);
    out.write(Mllp.END);
    out.write(Mllp.CR);
  }

  /** Sends what was written. */
  public void flush() throws IOException {
    out.flush();
  }

  /** Writes and flushes one message. */
  public void send(byte[] payload) throws IOException {
    write(payload);
    flush();
  }

  /**
   * Reads the next frame's payload; throws {@link java.net.SocketTimeoutException} after the
   * timeout and {@link EOFException} when the server closed.
   */
  public byte[] receive() throws IOException {
    int b;
    while ((b = in.read()) != Mllp.START) {
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
    while (true) {
      b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed inside a frame");
      }
      if (b == Mllp.END) {
        in.mark(1);
        if (in.read() != Mllp.CR) {
          in.reset(); // tolerate a server that omits the CR
        }
        return payload.toByteArray();
      }
      payload.write(b);
    }
  }

  /**
   * Whether the server still holds this connection: waits {@code probe} for a byte; a timeout means
   * open, end of stream or an error means closed.
   */
  public boolean stillOpen(Duration probe) {
    try {
      int timeout = socket.getSoTimeout();
      socket.setSoTimeout((int) Math.max(1, probe.toMillis()));
      try {
        return in.read() >= 0;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (java.net.SocketTimeoutException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
