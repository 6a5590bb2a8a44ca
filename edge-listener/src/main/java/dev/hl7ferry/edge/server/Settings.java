package dev.hl7ferry.edge.server;

import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.edge.config.CharsetConfig;
import dev.hl7ferry.edge.config.CloudConfig;
import dev.hl7ferry.edge.config.EdgeConfig;
import dev.hl7ferry.edge.config.ListenerConfig;
import dev.hl7ferry.edge.config.OutboundConfig;
import dev.hl7ferry.edge.config.ShipConfig;
import dev.hl7ferry.edge.config.SpoolConfig;
import dev.hl7ferry.edge.config.TlsConfig;
import dev.hl7ferry.edge.outbound.OutboundSettings;
import dev.hl7ferry.edge.receive.AckAfter;
import dev.hl7ferry.edge.receive.AckSettings;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.ship.ArchiveMode;
import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.tls.ServerTls;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place each config section becomes the values the parts take; the modules call it, so no
 * handler, spool or shipper ever sees a config record.
 */
public final class Settings {

  private Settings() {}

  /** {@code listener}: the bootstrap's threads and how long a stop waits. */
  public static ServerSettings server(ListenerConfig c) {
    return new ServerSettings(c.ioThreads(), Duration.ofSeconds(c.shutdownGraceSeconds()));
  }

  /** {@code listener} and {@code listeners}: every listener, the first one first. */
  public static List<ListenerSettings> listeners(EdgeConfig c) {
    return c.allListeners().stream()
        .map(
            l ->
                new ListenerSettings(
                    l.name(),
                    l.bindAddress(),
                    l.port(),
                    l.ranges(),
                    tls(l.tls()),
                    l.maxConnectionsPerIp(),
                    l.acceptRatePerSecond(),
                    l.acceptBurst()))
        .toList();
  }

  /** {@code listener}: the limits each connection's pipeline enforces. */
  public static PipelineSettings pipeline(ListenerConfig c) {
    return new PipelineSettings(
        c.maxConnections(),
        Duration.ofSeconds(c.idleTimeoutSeconds()),
        c.maxFrameBytes(),
        c.allowMissingCr(),
        Duration.ofSeconds(c.frameTimeoutSeconds()),
        Duration.ofSeconds(c.outsideFrameTimeoutSeconds()),
        c.maxPendingPerConnection());
  }

  /** A listener's {@code tls}: what it serves and trusts; empty when TLS is off. */
  public static Optional<ServerTls> tls(TlsConfig c) {
    if (!c.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        new ServerTls(
            Path.of(c.certificateFile()),
            Path.of(c.privateKeyFile()),
            c.hasClientCa() ? Optional.of(Path.of(c.clientCaFile())) : Optional.empty(),
            c.requireClientCert(),
            Duration.ofSeconds(c.reloadCheckSeconds())));
  }

  /** {@code charset}: how message bytes are decoded when MSH-18 does not settle it. */
  public static CharsetPolicy charset(CharsetConfig c) {
    return new CharsetPolicy(Charset.forName(c.fallback()), c.latin1AsWindows1252(), c.strict());
  }

  /**
   * {@code spool} (durability full): with {@code ackAfter: spool} a store answers once the
   * journal's fsync covers it; {@code ackAfter: cloud} needs the index's exact outcome (a resend is
   * confirmed at once), so it answers after that.
   */
  public static SpoolSettings spool(SpoolConfig c, AckAfter ackAfter) {
    return new SpoolSettings(Path.of(c.dataDir()), c.maxBytes(), c.maxMessages(), c.maxBatchSize())
        .answeringAt(
            ackAfter == AckAfter.CLOUD
                ? SpoolSettings.AnswerAt.INDEX
                : SpoolSettings.AnswerAt.JOURNAL);
  }

  /** {@code cloud}: how to reach S3 and SQS. */
  public static CloudSettings cloud(CloudConfig c) {
    return new CloudSettings(
        c.region(),
        c.s3EndpointUri(),
        c.sqsEndpointUri(),
        c.pathStyle(),
        c.maxConnections(),
        Duration.ofMillis(c.connectTimeoutMillis()),
        Duration.ofSeconds(c.requestTimeoutSeconds()));
  }

  /** {@code ship}: the shipper's values; only valid when the section is enabled and valid. */
  public static ShipSettings ship(ShipConfig c) {
    return new ShipSettings(
        c.site(),
        c.bucket(),
        c.queueUrl(),
        c.queueUrl().endsWith(".fifo"),
        c.groupKey(),
        c.encryption(),
        c.encryption() == Encryption.KMS ? c.kmsKeyId() : "",
        c.fetchSize(),
        c.sendBatchSize(),
        c.putConcurrency(),
        Duration.ofMillis(c.initialBackoffMillis()),
        Duration.ofMillis(c.maxBackoffMillis()),
        Duration.ofMillis(c.idlePollMillis()),
        Duration.ofHours(c.retentionHours()),
        Duration.ofSeconds(c.pruneIntervalSeconds()),
        new InlinePolicy(c.inlineMaxBytes()),
        ArchiveMode.parse(c.archive()),
        c.maxAttempts());
  }

  /** {@code ship}: when the sender gets its positive ACK. */
  public static AckSettings ack(ShipConfig c) {
    return new AckSettings(c.ackAfter(), Duration.ofSeconds(c.ackTimeoutSeconds()));
  }

  /**
   * {@code outbound} (only when a destination is configured): the store and receipts live under
   * {@code spool.dataDir}; the site is {@code outbound.site}, else {@code ship.site}.
   */
  public static OutboundSettings outbound(OutboundConfig c, SpoolConfig spool, String shipSite) {
    return new OutboundSettings(
        Path.of(spool.dataDir()),
        c.siteOr(shipSite),
        c.queueUrl(),
        c.receiptsQueueUrl(),
        Duration.ofSeconds(c.waitTimeSeconds()),
        c.policy(),
        c.retention(),
        Backoff.jittered(
            Duration.ofMillis(c.initialBackoffMillis()), Duration.ofMillis(c.maxBackoffMillis())),
        c.maxUncommitted());
  }
}
