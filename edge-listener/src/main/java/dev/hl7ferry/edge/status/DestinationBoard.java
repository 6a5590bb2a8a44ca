package dev.hl7ferry.edge.status;

/** One outbound destination's last outcomes, written by its delivery thread only. */
public final class DestinationBoard {
  private volatile View view = new View(0, 0, "", 0, 0);

  /**
   * What a destination last did.
   *
   * @param delivered outputs delivered since the start
   * @param lastDeliveredAt epoch millis of the last delivery, 0 for none yet
   * @param lastError the last failed attempt's outcome and detail (codes, no content), or empty
   * @param lastErrorAt epoch millis of that failure, 0 for none
   * @param failuresInARow failed attempts since the last delivery
   */
  public record View(
      long delivered,
      long lastDeliveredAt,
      String lastError,
      long lastErrorAt,
      int failuresInARow) {

    /** {@code up} (the last attempt delivered), {@code down} (it failed) or {@code idle}. */
    public String state() {
      if (failuresInARow > 0) {
        return "down";
      }
      return lastDeliveredAt > 0 ? "up" : "idle";
    }
  }

  void delivered(long now) {
    View v = view;
    view = new View(v.delivered() + 1, now, v.lastError(), v.lastErrorAt(), 0);
  }

  void failed(String detail, long now) {
    View v = view;
    view =
        new View(
            v.delivered(),
            v.lastDeliveredAt(),
            detail == null ? "" : detail,
            now,
            v.failuresInARow() + 1);
  }

  View view() {
    return view;
  }
}
