package dev.hl7ferry.edge.receive;

/**
 * Inbound user event asking a connection to stop reading, send every pending reply and close
 * (graceful shutdown).
 */
public enum DrainRequest {
  INSTANCE
}
