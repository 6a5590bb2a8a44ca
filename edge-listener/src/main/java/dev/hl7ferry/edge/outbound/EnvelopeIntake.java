package dev.hl7ferry.edge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import dev.hl7ferry.edge.spool.IncomingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one received message into the entry the outbound store keeps: the verified output (inline
 * or fetched by its claim check), or the raw body set aside with the reason it cannot be used (not
 * readable, unknown version, size or sha256 not matching). A claim check that cannot be fetched is
 * a cloud failure: the message stays on the queue.
 */
final class EnvelopeIntake {
  private static final Logger LOG = LoggerFactory.getLogger(EnvelopeIntake.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final OutboundSource source;
  private final String site;
  private final Clock clock;

  EnvelopeIntake(OutboundSource source, String site, Clock clock) {
    this.source = source;
    this.site = site;
    this.clock = clock;
  }

  /** The entry for {@code message}. */
  IncomingMessage entry(ReceivedMessage message) throws CloudUnavailableException {
    OutboundEnvelope envelope;
    try {
      envelope = EnvelopeJson.readOutbound(message.body());
    } catch (RuntimeException e) {
      return setAside(message, "unreadable envelope: " + withoutContent(e.getMessage()));
    }
    byte[] payload =
        envelope.inline() ? envelope.payload() : source.fetch(envelope.bucket(), envelope.key());
    try {
      envelope.verify(payload);
    } catch (PayloadMismatchException e) {
      return setAside(message, "payload does not match the envelope: " + e.getMessage());
    }
    return OutboundEntries.output(envelope, payload, message.messageId(), clock.instant());
  }

  private IncomingMessage setAside(ReceivedMessage message, String reason) {
    String destination = property(message.body(), "destination");
    String envelopeId = property(message.body(), "id");
    LOG.warn(
        "outbound message {} (envelope {}, destination {}) set aside: {}",
        message.messageId(),
        envelopeId,
        destination,
        reason);
    return OutboundEntries.setAside(
        message.body().getBytes(StandardCharsets.UTF_8),
        destination,
        envelopeId,
        site,
        reason,
        message.messageId(),
        clock.instant());
  }

  /** A safe-looking top-level text property of a body that may not be an envelope at all. */
  static String property(String body, String name) {
    try {
      JsonNode value = JSON.readTree(body).get(name);
      return value != null && value.isTextual() && SAFE.matcher(value.asText()).matches()
          ? value.asText()
          : "-";
    } catch (Exception e) {
      return "-";
    }
  }

  /** A parser's message may quote the body; keep only the part before the quote. */
  private static String withoutContent(String message) {
    if (message == null) {
      return "no detail";
    }
    int json = message.indexOf("not valid JSON");
    if (json >= 0) {
      return "not valid JSON";
    }
    return message.length() <= 200 ? message : message.substring(0, 200);
  }
}
