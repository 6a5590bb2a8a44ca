package dev.hl7ferry.edge.receive;

import dev.hl7ferry.core.ack.Ack;
import dev.hl7ferry.core.ack.AckBuilder;
import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.core.message.Hl7Version;
import dev.hl7ferry.core.message.MessageHeader;
import dev.hl7ferry.edge.events.EdgeEvents;
import dev.hl7ferry.edge.events.NakReason;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.StoreResult;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Reply} to each frame: AA/CA once stored; AR/CR with ERR 207 for a store refusal
 * or failure (or an unconfirmed {@code ackAfter: cloud}); AR/CR or AE/CE with the parser's ERR code
 * for unreadable HL7; AR/CR with ERR 104 for an oversized frame; AE/CE with ERR 104 (102 before
 * v2.7) at MSH^1^10 for a control id longer than 199. Enhanced-mode MSH-15 decides whether one is
 * sent at all. Logs one line per negative acknowledgement, never message content.
 */
public final class AckReplies {
  // Logs under the receive handler's name, as it did before decoding, storing and replies split.
  private static final Logger LOG = LoggerFactory.getLogger(MessageReader.LOGGER);

  /** MSH-10's length since v2.7 (ST, 199); applied to every version, older 20 is not. */
  static final int MAX_CONTROL_ID = 199;

  private static final Hl7Version V2_7 = new Hl7Version(2, 7, 0);

  private final AckBuilder acks;
  private final CharsetPolicy policy;
  private final EdgeEvents events;

  public AckReplies(AckBuilder acks, CharsetPolicy policy) {
    this(acks, policy, EdgeEvents.NONE);
  }

  /**
   * @param events told of every acknowledgement sent and every negative one's reason
   */
  public AckReplies(AckBuilder acks, CharsetPolicy policy, EdgeEvents events) {
    this.acks = acks;
    this.policy = policy;
    this.events = events;
  }

  /** The answer to a store that completed with {@code result} or failed with {@code error}. */
  Reply afterStore(
      String peer, MessageHeader header, Charset charset, StoreResult result, Throwable error) {
    if (error == null) {
      // A reused control id is logged by the spool's index, where it is found.
      return reply(header, AckOutcome.ACCEPT, acks.accept(header), charset);
    }
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof NotConfirmedException unconfirmed) {
      String reason = unconfirmed.getMessage();
      Ack ack =
          acks.internalError(
              header,
              "message stored but "
                  + reason
                  + "; it stays queued and will be delivered, a resend is safe");
      LOG.warn(
          "nak peer={} controlId={} code={} id={} reason={}",
          peer,
          LogSafe.text(ack.acknowledgedControlId()),
          ack.code(),
          unconfirmed.stored().id(),
          reason);
      events.refusedMessage(NakReason.NOT_CONFIRMED);
      return reply(header, AckOutcome.REJECT, ack, charset);
    }
    String reason;
    if (cause instanceof SpoolRejectedException rejected) {
      reason = "spool rejected: " + rejected.reason();
      events.refusedMessage(NakReason.SPOOL_REJECTED);
    } else {
      events.refusedMessage(NakReason.STORE_FAILED);
      reason = "store failed: " + cause.getClass().getSimpleName();
      LOG.error("store failed peer={} controlId={}", peer, LogSafe.text(header.controlId()), cause);
    }
    Ack ack = acks.internalError(header, "message not stored, " + reason);
    logNak(peer, ack, reason);
    return reply(header, AckOutcome.REJECT, ack, charset);
  }

  /** The answer to HL7 that did not parse: AR/CR without a readable MSH, else AE/CE. */
  Reply unreadable(String peer, Hl7ParseException e) {
    AckOutcome outcome = e.partialHeader().isPresent() ? AckOutcome.ERROR : AckOutcome.REJECT;
    Ack ack = acks.reject(e, outcome);
    logNak(peer, ack, e.getMessage());
    events.refusedMessage(NakReason.UNREADABLE);
    Charset charset =
        e.partialHeader()
            .map(h -> policy.resolve(h.characterSet()).charset())
            .orElse(StandardCharsets.ISO_8859_1);
    return e.partialHeader()
        .map(h -> reply(h, outcome, ack, charset))
        .orElseGet(
            () -> {
              events.answered(ack.code());
              return Reply.send(ack.bytes(charset));
            });
  }

  /** The answer to an oversized frame whose MSH was readable. */
  Reply oversized(String peer, MessageHeader header, String reason) {
    Ack ack =
        acks.build(
            header,
            AckOutcome.REJECT,
            Hl7Error.error(ErrorCode.VALUE_TOO_LONG, null, "message too large, " + reason));
    logNak(peer, ack, reason);
    events.refusedMessage(NakReason.OVERSIZED);
    return reply(header, AckOutcome.REJECT, ack, policy.resolve(header.characterSet()).charset());
  }

  /**
   * The answer to an MSH-10 longer than {@link #MAX_CONTROL_ID}: AE/CE with ERR at MSH^1^10, code
   * 104 (Value too long, table 0357 since v2.7) for MSH-12 2.7 or later, else 102 (Data type
   * error), the closest code those versions define. Such an id could not be stored, shipped or
   * correlated safely (S3 metadata, envelopes, logs); the message is not spooled.
   */
  Reply controlIdTooLong(String peer, MessageHeader header, Charset charset) {
    ErrorCode code =
        header.version().atLeast(V2_7) ? ErrorCode.VALUE_TOO_LONG : ErrorCode.DATA_TYPE_ERROR;
    String reason =
        "MSH-10 of " + header.controlId().length() + " characters exceeds " + MAX_CONTROL_ID;
    Ack ack =
        acks.build(
            header,
            AckOutcome.ERROR,
            Hl7Error.error(code, ErrorLocation.field("MSH", 10), "message not stored, " + reason));
    LOG.warn(
        "nak peer={} controlIdPrefix={} code={} err={} reason={}",
        peer,
        LogSafe.text(header.controlId().substring(0, 20)),
        ack.code(),
        code.code(),
        reason);
    events.refusedMessage(NakReason.CONTROL_ID_TOO_LONG);
    return reply(header, AckOutcome.ERROR, ack, charset);
  }

  /** Closes a connection over an oversized frame without a readable MSH: no answer is possible. */
  Reply closeOversized() {
    events.refusedMessage(NakReason.OVERSIZED);
    return Reply.close();
  }

  private Reply reply(MessageHeader header, AckOutcome outcome, Ack ack, Charset charset) {
    if (!AckBuilder.shouldSend(header, outcome)) {
      return Reply.none();
    }
    events.answered(ack.code());
    return Reply.send(ack.bytes(charset));
  }

  private static void logNak(String peer, Ack ack, String reason) {
    LOG.warn(
        "nak peer={} controlId={} code={} reason={}",
        peer,
        LogSafe.text(ack.acknowledgedControlId()),
        ack.code(),
        LogSafe.text(reason));
  }
}
