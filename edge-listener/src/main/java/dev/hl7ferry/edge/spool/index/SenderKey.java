package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.IncomingMessage;

/**
 * The fields a resend and a reused control id share: MSH-10 with the sending facility and
 * application. The entry id is a digest over these and the payload, so equal ids imply equal keys.
 */
record SenderKey(String controlId, String sendingFacility, String sendingApplication) {
  static SenderKey of(IncomingMessage message) {
    return new SenderKey(
        message.controlId(), message.sendingFacility(), message.sendingApplication());
  }
}
