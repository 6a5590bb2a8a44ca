package dev.hl7ferry.edge.cli;

import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.sink.MllpSink;
import dev.hl7ferry.edge.tls.ServerTls;
import dev.hl7ferry.edge.tls.ServerTlsContext;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ferry-edge sink}: an MLLP receiver that ACKs and keeps every message as a file. */
@Command(
    name = "sink",
    mixinStandardHelpOptions = true,
    description =
        "Receive HL7 over MLLP, ACK each message and write it as a file under DIR (a stand-in"
            + " destination; the files hold the messages as received, PHI included).")
final class SinkCommand implements Callable<Integer> {
  /** The ACK codes the sink can answer; the enhanced-mode twin follows the message's MSH-15/16. */
  enum Answer {
    AA(AckOutcome.ACCEPT),
    AE(AckOutcome.ERROR),
    AR(AckOutcome.REJECT);

    final AckOutcome outcome;

    Answer(AckOutcome outcome) {
      this.outcome = outcome;
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--port", required = true)
  int port;

  @Option(names = "--dir", required = true, paramLabel = "DIR")
  Path dir;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Default: ${DEFAULT-VALUE}")
  String bind;

  @Option(
      names = "--ack",
      defaultValue = "AA",
      description = "Answer every message with AA, AE or AR. Default: ${DEFAULT-VALUE}")
  Answer ack;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "Speak MLLP over TLS only, serving this PEM certificate chain (needs --tls-key).")
  Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--tls-client-ca",
      paramLabel = "FILE",
      description = "PEM CAs a client certificate must chain to (asked for when given).")
  Path tlsClientCa;

  @Option(
      names = "--require-client-cert",
      description = "Refuse a TLS client without a certificate (needs --tls-client-ca).")
  boolean requireClientCert;

  @Override
  public Integer call() throws Exception {
    MllpSink sink = new MllpSink(bind, port, dir, ack.outcome, tls());
    InetSocketAddress address = sink.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sink.close();
                  stopped.countDown();
                },
                "sink-stop"));
    spec.commandLine()
        .getOut()
        .printf(
            "sink listening on %s%s, writing to %s (answer %s)%n",
            address, tlsCertificate == null ? "" : " (TLS)", dir, ack);
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  private ServerTlsContext tls() throws java.io.IOException {
    if (tlsCertificate == null && tlsKey == null) {
      if (tlsClientCa != null || requireClientCert) {
        throw new ParameterException(spec.commandLine(), "client certificates need --tls-cert");
      }
      return null;
    }
    if (tlsCertificate == null || tlsKey == null) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (requireClientCert && tlsClientCa == null) {
      throw new ParameterException(
          spec.commandLine(), "--require-client-cert needs --tls-client-ca");
    }
    return ServerTlsContext.open(
        new ServerTls(
            tlsCertificate,
            tlsKey,
            Optional.ofNullable(tlsClientCa),
            requireClientCert,
            Duration.ofSeconds(60)));
  }
}
