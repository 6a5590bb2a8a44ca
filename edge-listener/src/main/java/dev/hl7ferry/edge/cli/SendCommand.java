package dev.hl7ferry.edge.cli;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.edge.client.AckReply;
import dev.hl7ferry.edge.client.MessageFiles;
import dev.hl7ferry.edge.client.MllpClient;
import dev.hl7ferry.edge.tls.ClientTls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-edge send}: sends the messages in files one by one, waits for each ACK and checks
 * its MSA-2; exit 0 only when every message got a positive ACK.
 */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = "Send HL7 files over MLLP and check every ACK.")
final class SendCommand implements Callable<Integer> {
  private static final int PROGRESS_EVERY = 1000;

  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--port", required = true)
  int port;

  @Option(
      names = "--timeout",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description = "Wait this long for each ACK. Default: ${DEFAULT-VALUE}")
  int timeoutSeconds;

  @Option(
      names = "--tls",
      description = "Connect over TLS (1.2/1.3); the server's certificate and name are checked.")
  boolean tls;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "PEM CA certificates the server's must chain to. Default: the JDK's CAs.")
  Path caFile;

  @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate (mTLS).")
  Path certificateFile;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert.")
  Path privateKeyFile;

  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description = "Name the server's certificate must carry. Default: --host.")
  String serverName;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files of messages.")
  List<Path> paths;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientTls clientTls;
    try {
      clientTls = clientTls();
    } catch (ParameterException e) {
      throw e;
    } catch (IOException e) {
      err.printf("TLS: %s%n", e.getMessage());
      return 2;
    }
    List<byte[]> messages = new ArrayList<>();
    for (Path file : MessageFiles.expand(paths)) {
      messages.addAll(MessageFiles.read(file));
    }
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    int accepted = 0;
    int negative = 0;
    int timedOut = 0;
    long start = System.nanoTime();
    MllpClient client = null;
    try {
      for (int i = 0; i < messages.size(); i++) {
        byte[] message = messages.get(i);
        String controlId = MessageFiles.controlId(message);
        if (client == null) {
          client = MllpClient.connect(host, port, timeout, timeout, clientTls);
        }
        client.send(message);
        try {
          AckReply ack = AckReply.parse(client.receive());
          if (!ack.acknowledgedControlId().equals(controlId)) {
            negative++;
            err.printf(
                "message %d control id %s: ACK names %s (MSA-2 mismatch)%n",
                i + 1, controlId, ack.acknowledgedControlId());
          } else if (ack.positive()) {
            accepted++;
          } else {
            negative++;
            err.printf(
                "message %d control id %s: %s %s%n", i + 1, controlId, ack.code(), ack.error());
          }
        } catch (SocketTimeoutException e) {
          timedOut++;
          err.printf(
              "message %d control id %s: no ACK within %d s%n", i + 1, controlId, timeoutSeconds);
          client.close();
          client = null; // the connection's state is unknown; the next message starts afresh
        } catch (Hl7ParseException e) {
          negative++;
          err.printf(
              "message %d control id %s: unreadable ACK (%s)%n", i + 1, controlId, e.getMessage());
        }
        if (messages.size() >= PROGRESS_EVERY && (i + 1) % PROGRESS_EVERY == 0) {
          err.printf("progress: %d/%d%n", i + 1, messages.size());
          err.flush();
        }
      }
    } catch (IOException e) {
      err.printf("connection to %s:%d failed: %s%n", host, port, e.getMessage());
      printSummary(out, messages.size(), accepted, negative, timedOut, start);
      return 3;
    } finally {
      if (client != null) {
        client.close();
      }
    }
    printSummary(out, messages.size(), accepted, negative, timedOut, start);
    return negative == 0 && timedOut == 0 ? 0 : 1;
  }

  /** The TLS options as one value, or null without {@code --tls}. */
  private ClientTls clientTls() throws IOException {
    if (!tls) {
      if (caFile != null
          || certificateFile != null
          || privateKeyFile != null
          || serverName != null) {
        throw new ParameterException(
            spec.commandLine(), "--ca, --cert, --key and --server-name need --tls");
      }
      return null;
    }
    if ((certificateFile == null) != (privateKeyFile == null)) {
      throw new ParameterException(spec.commandLine(), "--cert and --key go together");
    }
    return ClientTls.load(
        Optional.ofNullable(caFile),
        Optional.ofNullable(certificateFile),
        Optional.ofNullable(privateKeyFile),
        Optional.ofNullable(serverName));
  }

  private static void printSummary(
      PrintWriter out, int total, int accepted, int negative, int timedOut, long start) {
    out.printf(
        "sent %d messages: %d accepted, %d negative, %d timed out, %d not sent, in %d ms%n",
        accepted + negative + timedOut,
        accepted,
        negative,
        timedOut,
        total - accepted - negative - timedOut,
        (System.nanoTime() - start) / 1_000_000);
    out.flush();
  }
}
