package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.spool.IncomingMessage;
import java.util.function.Function;

/**
 * Which header field becomes the FIFO message group: messages of one group are delivered in order,
 * different groups in parallel.
 */
public enum GroupKey {
  SENDING_APPLICATION(IncomingMessage::sendingApplication),
  SENDING_FACILITY(IncomingMessage::sendingFacility),
  RECEIVING_APPLICATION(IncomingMessage::receivingApplication),
  RECEIVING_FACILITY(IncomingMessage::receivingFacility),
  /** One group for the whole site: total order, no parallelism. */
  SITE(m -> "");

  private final Function<IncomingMessage, String> field;

  GroupKey(Function<IncomingMessage, String> field) {
    this.field = field;
  }

  /**
   * The group id of {@code message}: the header value reduced to what SQS accepts (printable ASCII,
   * at most 128 characters), or {@code site} when the field is empty.
   */
  public String groupOf(IncomingMessage message, String site) {
    String raw = field.apply(message);
    StringBuilder id = new StringBuilder();
    if (raw != null) {
      for (int i = 0; i < raw.length() && id.length() < 128; i++) {
        char c = raw.charAt(i);
        id.append(c > ' ' && c < 0x7f ? c : '_');
      }
    }
    return id.length() == 0 ? site : id.toString();
  }
}
