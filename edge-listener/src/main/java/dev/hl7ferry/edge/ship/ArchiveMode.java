package dev.hl7ferry.edge.ship;

/**
 * Where the raw payloads of inline envelopes are archived in S3 (claim-check payloads are always
 * put per message, since the envelope points at that object).
 */
public enum ArchiveMode {
  /** One gzip object per shipping round plus a JSON index beside it ({@link ArchiveBatch}). */
  BATCH,
  /** One object per message, {@code inbound/{site}/yyyy/MM/dd/{id}.hl7}, as before version 2. */
  PER_MESSAGE,
  /** No archive: an inline payload exists only in its envelope (and in the spool, for a while). */
  NONE;

  /** The mode named {@code batch}, {@code perMessage} or {@code none} (config spelling). */
  public static ArchiveMode parse(String name) {
    return switch (name == null ? "" : name) {
      case "batch" -> BATCH;
      case "perMessage" -> PER_MESSAGE;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("ship.archive: batch, perMessage or none");
    };
  }
}
