package dev.hl7ferry.edge.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks behind {@code /readyz}: the listeners are bound, the spool directory takes a write,
 * and its disk has at least the configured free space. The cloud link is reported, never required.
 */
public final class ReadinessCheck {
  private final Listeners listeners;
  private final Optional<Path> spoolDir;
  private final long minFreeBytes;

  /**
   * @param spoolDir the durable spool's directory; empty with {@code durability: none}
   * @param minFreeBytes the least usable space on the spool's disk
   */
  public ReadinessCheck(Listeners listeners, Optional<Path> spoolDir, long minFreeBytes) {
    this.listeners = listeners;
    this.spoolDir = spoolDir;
    this.minFreeBytes = minFreeBytes;
  }

  /** Runs the checks; {@code cloud} is the cloud link's state as the status shows it. */
  public Readiness check(String cloudState) {
    List<Readiness.Check> checks = new ArrayList<>();
    checks.add(listenersCheck());
    checks.add(spoolCheck());
    checks.add(diskCheck());
    checks.add(new Readiness.Check("cloud", true, false, "cloud link " + cloudState));
    return Readiness.of(checks);
  }

  private Readiness.Check listenersCheck() {
    List<Listeners.Bound> bound = listeners.accepting();
    if (bound.isEmpty()) {
      return new Readiness.Check("listeners", false, true, "no MLLP listener bound");
    }
    return new Readiness.Check(
        "listeners",
        true,
        true,
        "accepting on "
            + bound.stream()
                .map(b -> b.address().getAddress().getHostAddress() + ":" + b.address().getPort())
                .collect(Collectors.joining(", ")));
  }

  private Readiness.Check spoolCheck() {
    if (spoolDir.isEmpty()) {
      return new Readiness.Check("spool", true, true, "durability none: nothing is stored");
    }
    Path dir = spoolDir.get();
    try {
      // A real write, as the spool makes them: a directory can look writable and still refuse one.
      Path probe = Files.createTempFile(dir, ".readyz-", ".probe");
      Files.delete(probe);
      return new Readiness.Check("spool", true, true, "writable: " + dir);
    } catch (IOException | RuntimeException e) {
      return new Readiness.Check(
          "spool", false, true, "cannot write in " + dir + ": " + e.getClass().getSimpleName());
    }
  }

  private static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String units = "KMGTPE";
    int unit = (63 - Long.numberOfLeadingZeros(n)) / 10;
    return String.format(
        java.util.Locale.ROOT, "%.1f %siB", n / Math.pow(1024, unit), units.charAt(unit - 1));
  }

  private Readiness.Check diskCheck() {
    if (spoolDir.isEmpty()) {
      return new Readiness.Check("disk", true, true, "durability none: no disk used");
    }
    try {
      long usable = Files.getFileStore(spoolDir.get()).getUsableSpace();
      boolean ok = usable >= minFreeBytes;
      return new Readiness.Check(
          "disk",
          ok,
          true,
          bytes(usable)
              + " free"
              + (ok ? ", at least " : ", below the minimum of ")
              + bytes(minFreeBytes)
              + " (admin.minFreeDiskBytes "
              + minFreeBytes
              + ")");
    } catch (IOException | RuntimeException e) {
      return new Readiness.Check(
          "disk", false, true, "cannot read free space: " + e.getClass().getSimpleName());
    }
  }
}
