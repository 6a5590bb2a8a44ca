package dev.hl7ferry.edge.config;

import java.util.List;

/** The {@code spool} section: where and how much is stored, and whether storage is on at all. */
public record SpoolConfig(
    String dataDir, Durability durability, long maxBytes, long maxMessages, int maxBatchSize) {

  /** Whether messages are stored before they are acknowledged. */
  public enum Durability {
    /** Stored and fsynced before the positive ACK: the only mode for real traffic. */
    FULL,
    /** Not stored at all. Benchmarks only: ACKs are sent for messages that are then lost. */
    NONE
  }

  List<String> problems() {
    return new Problems("spool")
        .require(dataDir != null && !dataDir.isBlank(), "dataDir", "must be set")
        .require(durability != null, "durability", "must be full or none")
        .range("maxBytes", maxBytes, 1, Long.MAX_VALUE)
        .range("maxMessages", maxMessages, 1, Long.MAX_VALUE)
        .range("maxBatchSize", maxBatchSize, 1, 100_000)
        .list();
  }
}
