package dev.hl7ferry.edge.deliver;

import dev.hl7ferry.edge.mllp.Mllp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An MLLP receiver for tests that answers each message as scripted (AA when the script is empty):
 * enqueue replies, send, then look at what it received and how many connections it accepted.
 */
public final class ScriptedMllpServer implements AutoCloseable {
  /** How to answer one message. */
  public enum Reply {
    AA,
    AE,
    AR,
    CA,
    /** AA naming another control id in MSA-2. */
    WRONG_CONTROL_ID,
    /** No answer at all. */
    SILENT
  }

  private final ServerSocket server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final List<String> receivedInOrder = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  private ScriptedMllpServer(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::accept, "scripted-mllp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Listens on a free port of 127.0.0.1. */
  public static ScriptedMllpServer start() throws IOException {
    return start(0);
  }

  /** Listens on {@code port} of 127.0.0.1 (to come back on the port of a stopped one). */
  public static ScriptedMllpServer start(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return new ScriptedMllpServer(socket);
  }

  public int port() {
    return server.getLocalPort();
  }

  public ScriptedMllpServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** Messages received so far, in order. */
  public List<String> received() {
    return List.copyOf(receivedInOrder);
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(socket), "scripted-mllp-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String message = readFrame(in);
        if (message == null) {
          return;
        }
        receivedInOrder.add(message);
        received.add(message);
        Reply reply = script.poll();
        reply = reply == null ? Reply.AA : reply;
        if (reply == Reply.SILENT) {
          continue;
        }
        String controlId = field(message, 9);
        String code = reply == Reply.WRONG_CONTROL_ID ? "AA" : reply.name();
        String acked = reply == Reply.WRONG_CONTROL_ID ? "OTHER" + controlId : controlId;
        String ack =
            "MSH|^~\\&|HOSP|A|FERRY|EDGE|20260308000000||ACK^R01^ACK|A"
                + controlId
                + "|P|2.5.1\rMSA|"
                + code
                + "|"
                + acked
                + (code.equals("AE")
                    ? "\rERR|||207^Application internal error^HL70357|E||||"
                        + "patient record locked"
                    : "")
                + "\r";
        out.write(Mllp.START);
        out.write(ack.getBytes(StandardCharsets.ISO_8859_1));
        out.write(Mllp.END);
        out.write(Mllp.CR);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String readFrame(InputStream in) throws IOException {
    int b;
    while ((b = in.read()) != Mllp.START) {
      if (b < 0) {
        return null;
      }
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    while ((b = in.read()) != Mllp.END) {
      if (b < 0) {
        return null;
      }
      payload.write(b);
    }
    in.read(); // CR
    return payload.toString(StandardCharsets.ISO_8859_1);
  }

  /** MSH-n (n >= 2) of a message whose field separator is |. */
  static String field(String message, int n) {
    String msh = message.split("\r", 2)[0];
    return msh.split("\\|", -1)[n];
  }

  /**
   * Closes every accepted connection but keeps listening: a peer that dropped its connections.
   * (Closing the listener and binding the port again is refused while the client side still holds
   * its half of the old connection: the server end waits in FIN_WAIT2, not TIME_WAIT.)
   */
  public void dropConnections() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
