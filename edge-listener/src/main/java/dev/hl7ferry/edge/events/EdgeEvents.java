package dev.hl7ferry.edge.events;

import dev.hl7ferry.core.ack.AckCode;
import dev.hl7ferry.edge.ship.ShipListener;
import java.time.Duration;

/**
 * The edge's one listener for metrics and status: every method is a no-op by default, so a part
 * overrides what it counts. Receive events arrive on Netty event loops, shipping events on the
 * shipper's thread ({@link ShipListener}, which the shipper takes), delivery events on each
 * destination's thread: implementations must be fast, thread-safe and never throw. Nothing here
 * carries message content.
 */
public interface EdgeEvents extends ShipListener {

  EdgeEvents NONE = new EdgeEvents() {};

  /** A frame arrived on a connection (before it is read as HL7). */
  default void received() {}

  /** An acknowledgement with {@code code} was sent back. */
  default void answered(AckCode code) {}

  /** A negative acknowledgement (or a closed connection) for {@code reason}. */
  default void refusedMessage(NakReason reason) {}

  /** A stored message's answer was ready {@code nanos} after it was handed to the spool. */
  default void acknowledged(long nanos) {}

  /** A connection was accepted ({@code true}) or refused by a limit ({@code false}). */
  default void connection(boolean accepted) {}

  /** {@code count} outputs for {@code destination} were taken into the outbound store. */
  default void outboundQueued(String destination, int count) {}

  /** An output reached {@code destination}, {@code took} after its first attempt began. */
  default void delivered(String destination, Duration took) {}

  /** An attempt to deliver to {@code destination} failed; {@code detail} has codes, no content. */
  default void deliveryFailed(String destination, String detail) {}

  /** An output for {@code destination} was dead-lettered. */
  default void deadLettered(String destination) {}
}
