package dev.hl7ferry.edge.client;

import dev.hl7ferry.edge.mllp.Mllp;
import dev.hl7ferry.edge.tls.ClientTls;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/**
 * A blocking MLLP connection: writes framed messages and reads framed replies. Writing and reading
 * may happen on two threads (pipelining); each side on one thread only.
 */
public final class MllpClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  /** Bytes read from the socket, not yet taken: {@code [position, limit)}. */
  private final byte[] buffer = new byte[64 * 1024];

  private int position;
  private int limit;

  private MllpClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    this.in = socket.getInputStream();
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
   * timeout and {@link EOFException} when the server closed. Bytes before the start block are
   * skipped (a CR after an end block too, also one a server sent late or not at all).
   */
  public byte[] receive() throws IOException {
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("connection closed by the server");
      }
      if (buffer[position++] == Mllp.START) {
        break;
      }
    }
    ByteArrayOutputStream longer = null; // only for a frame beyond what one read brought
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == Mllp.END) {
          byte[] payload = taken(longer, i);
          position = i + 1;
          if (position < limit && buffer[position] == Mllp.CR) {
            position++;
          }
          return payload;
        }
      }
      if (longer == null) {
        longer = new ByteArrayOutputStream(Math.max(256, 2 * (limit - position)));
      }
      longer.write(buffer, position, limit - position);
      position = limit;
      if (!fill()) {
        throw new EOFException("connection closed inside a frame");
      }
    }
  }

  /** The payload ending before {@code end} in the buffer, after what {@code longer} holds. */
  private byte[] taken(ByteArrayOutputStream longer, int end) {
    if (longer == null) {
      return Arrays.copyOfRange(buffer, position, end);
    }
    longer.write(buffer, position, end - position);
    return longer.toByteArray();
  }

  /** Reads more once everything buffered was taken; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (position == limit) {
      position = 0;
      limit = 0;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      return false;
    }
    limit += read;
    return true;
  }

  /**
   * Whether the server still holds this connection: waits {@code probe} for a byte; a timeout means
   * open, end of stream or an error means closed. A byte that arrives is kept for {@link #receive}.
   */
  public boolean stillOpen(Duration probe) {
    if (position < limit) {
      return true;
    }
    try {
      int timeout = socket.getSoTimeout();
      socket.setSoTimeout((int) Math.max(1, probe.toMillis()));
      try {
        return fill();
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
