package dev.hl7ferry.edge.receive;

import dev.hl7ferry.edge.mllp.MllpFrame;

/**
 * What goes back for one received frame: an acknowledgement frame, nothing (enhanced mode asked for
 * none), and whether the connection closes after it.
 *
 * @param frame the acknowledgement to send, or null for none
 * @param closeAfter close the connection once this reply (and every earlier one) is out
 */
public record Reply(MllpFrame frame, boolean closeAfter) {

  /** Send {@code ack}. */
  public static Reply send(byte[] ack) {
    return new Reply(new MllpFrame(ack), false);
  }

  /** Send nothing for this message. */
  public static Reply none() {
    return new Reply(null, false);
  }

  /** Send nothing and close the connection after the earlier replies. */
  public static Reply close() {
    return new Reply(null, true);
  }
}
