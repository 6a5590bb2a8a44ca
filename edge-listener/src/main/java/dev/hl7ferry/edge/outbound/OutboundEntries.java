package dev.hl7ferry.edge.outbound;

import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.edge.deliver.DeliveryOutcome;
import dev.hl7ferry.edge.deliver.DeliveryResult;
import dev.hl7ferry.edge.deliver.Output;
import dev.hl7ferry.edge.deliver.PendingOutput;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place an output becomes a spool entry and back. The outbound store is a plain spool; its
 * columns hold:
 *
 * <pre>
 * column                 output                       set-aside envelope
 * payload                the output bytes (UTF-8)     the raw SQS message body
 * sending_application    destination (the line key)   destination if readable, else "-"
 * sending_facility       envelope id                  envelope id if readable, else "-"
 * control_id             output id: SHA-256 hex of    SHA-256 hex of the body
 *                        envelope id, route, destination (the converter's FIFO dedup id)
 * receiving_application  route                        "-"
 * receiving_facility     template                     why it was set aside
 * message_type           content type                 {@value #INVALID}
 * processing_id          site                         site
 * version_id             envelope version             "-"
 * peer                   "sqs:" + SQS message id      "sqs:" + SQS message id
 * </pre>
 *
 * The spool's entry id digests sending application, facility, control id and payload, so an SQS
 * redelivery of the same output is stored once (a DUPLICATE). The spool's {@code attempts} and
 * {@code reason} carry the delivery attempts; the reason starts with {@code ae=N} so the count of
 * application errors survives a restart.
 */
public final class OutboundEntries {
  /** Message type of an envelope set aside because it could not be read or verified. */
  public static final String INVALID = "x-invalid-envelope";

  private static final Pattern AE_COUNT = Pattern.compile("^ae=(\\d+) ");
  private static final Pattern MSH10 = Pattern.compile("\\A(?:[^\\r\\n]*?\\|){9}([^|\\r\\n]*)");

  private OutboundEntries() {}

  /** The deterministic output id: the converter's deduplication id of the output. */
  public static String outputId(String envelopeId, String route, String destination) {
    return PayloadDigest.sha256Hex(
        (envelopeId + "\n" + route + "\n" + destination).getBytes(StandardCharsets.UTF_8));
  }

  /** The entry for a verified output. */
  static IncomingMessage output(
      OutboundEnvelope envelope, byte[] payload, String messageId, Instant now) {
    return new IncomingMessage(
        payload,
        StandardCharsets.UTF_8.name(),
        envelope.destination(),
        envelope.id(),
        envelope.route(),
        envelope.template() == null ? "" : envelope.template(),
        envelope.contentType(),
        outputId(envelope.id(), envelope.route(), envelope.destination()),
        envelope.site(),
        Integer.toString(envelope.version()),
        "sqs:" + messageId,
        now);
  }

  /** The entry for an envelope set aside; {@code reason} names ids and the problem, no content. */
  static IncomingMessage setAside(
      byte[] body,
      String destination,
      String envelopeId,
      String site,
      String reason,
      String messageId,
      Instant now) {
    return new IncomingMessage(
        body,
        StandardCharsets.UTF_8.name(),
        blankAsDash(destination),
        blankAsDash(envelopeId),
        "-",
        reason,
        INVALID,
        PayloadDigest.sha256Hex(body),
        site,
        "-",
        "sqs:" + messageId,
        now);
  }

  /** The output a stored entry holds, with the attempt counts the store kept. */
  static PendingOutput pending(SpoolEntry entry) {
    IncomingMessage m = entry.message();
    Output output =
        new Output(
            entry.id(),
            m.sendingApplication(),
            controlId(m.payload(), m.messageType()),
            m.messageType(),
            m.payload());
    return new PendingOutput(output, entry.attempts(), applicationErrors(entry.reason()));
  }

  /** The reason recorded for a failed attempt: the application-error count first, then detail. */
  static String attemptReason(int applicationErrors, DeliveryResult result) {
    return "ae="
        + applicationErrors
        + " "
        + result.outcome()
        + (result.msa1().isEmpty() ? "" : " MSA-1 " + result.msa1())
        + (result.msa3().isEmpty() ? "" : " MSA-3 " + result.msa3())
        + ": "
        + result.detail();
  }

  /** The dead-letter reason kept on the entry: why, and the last MSA-1 and MSA-3. */
  static String deadLetterReason(String reason, DeliveryResult last) {
    if (last == null) {
      return reason;
    }
    return reason
        + " (last MSA-1 "
        + (last.msa1().isEmpty() ? "-" : last.msa1())
        + ", MSA-3 "
        + (last.msa3().isEmpty() ? "-" : last.msa3())
        + ")";
  }

  /** Whether {@code result} counts as an application error. */
  static boolean applicationError(DeliveryResult result) {
    return result.outcome() == DeliveryOutcome.APPLICATION_ERROR;
  }

  static int applicationErrors(String reason) {
    if (reason == null) {
      return 0;
    }
    Matcher m = AE_COUNT.matcher(reason);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** MSH-10 of an HL7 v2 output (logs and file names), empty for other content. */
  static String controlId(byte[] payload, String contentType) {
    if (!contentType.startsWith(Output.HL7_V2) || payload.length < 8) {
      return "";
    }
    String head =
        new String(payload, 0, Math.min(payload.length, 1024), StandardCharsets.ISO_8859_1);
    Matcher m = MSH10.matcher(head);
    if (!head.startsWith("MSH") || !m.find()) {
      return "";
    }
    String value = m.group(1);
    int component = value.indexOf('^');
    return component < 0 ? value : value.substring(0, component);
  }

  private static String blankAsDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
