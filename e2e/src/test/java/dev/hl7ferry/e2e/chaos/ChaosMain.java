package dev.hl7ferry.e2e.chaos;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the chaos scenarios against one stack and prints the table (what {@code scripts/chaos}
 * runs).
 *
 * <pre>
 * ChaosMain [--quick] [--only quiet,cloud,converter,destination,kill,disk,flood,garbage]
 *           [--work DIR]
 * </pre>
 *
 * <p>Exit 0 when every scenario kept its promise, 1 when a row has a problem.
 */
public final class ChaosMain {
  /** Scenario keys in the order they run. */
  static final List<String> ALL =
      List.of("quiet", "cloud", "converter", "destination", "kill", "disk", "flood", "garbage");

  private ChaosMain() {}

  public static void main(String[] args) throws Exception {
    Sizes sizes = Sizes.full();
    Set<String> only = Set.copyOf(ALL);
    Path work = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> sizes = Sizes.quick();
        case "--only" -> only = Set.of(args[++i].split(","));
        case "--work" -> work = Path.of(args[++i]);
        default -> {
          System.err.println("usage: ChaosMain [--quick] [--only a,b] [--work DIR]");
          System.exit(2);
        }
      }
    }
    if (work == null) {
      work = Files.createTempDirectory("ferry-chaos");
    }
    Instant start = Instant.now();
    List<Row> rows = run(sizes, work, only, System.err);
    System.out.printf(
        "chaos run %s (%s sizes), %s to %s, work dir %s%n%n",
        start.toString().substring(0, 10), sizes.name(), start, Instant.now(), work);
    System.out.print(Table.render(rows));
    System.exit(rows.stream().allMatch(r -> r.problems().isEmpty()) ? 0 : 1);
  }

  /** Starts a stack under {@code work}, runs the chosen scenarios in order, stops the stack. */
  static List<Row> run(Sizes sizes, Path work, Set<String> only, PrintStream progress)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    try (SpoolDisk disk = SpoolDisk.at(work.resolve("edge"), sizes.diskMib());
        Stack stack = Stack.start(work, disk, 30)) {
      // Ctrl-C or SIGTERM: stop the processes and unmount before the JVM exits.
      Thread cleanup = new Thread(() -> closeQuietly(stack, disk), "chaos-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      progress.println("chaos: stack up (edge :" + stack.edgePort() + ", work " + work + ")");
      Outages outages = new Outages(stack, sizes);
      Attacks attacks = new Attacks(stack, sizes);
      Map<String, Scenario> scenarios = new LinkedHashMap<>();
      scenarios.put("quiet", outages::quiet);
      scenarios.put("cloud", outages::cloudDown);
      scenarios.put("converter", outages::converterFailing);
      scenarios.put("destination", outages::destinationDown);
      scenarios.put("kill", outages::edgeKilled);
      scenarios.put("disk", new DiskFull(stack, sizes)::run);
      scenarios.put("flood", attacks::flood);
      scenarios.put("garbage", attacks::garbage);
      for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
        if (only.contains(e.getKey())) {
          progress.println("chaos: " + e.getKey() + "...");
          Row row = e.getValue().run();
          progress.print(Table.render(List.of(row)));
          rows.add(row);
        }
      }
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
    return rows;
  }

  private static void closeQuietly(Stack stack, SpoolDisk disk) {
    try {
      stack.close();
      disk.close();
    } catch (Exception e) {
      System.err.println("chaos: cleanup failed: " + e);
    }
  }

  /** One scenario: runs against the stack, returns its row. */
  @FunctionalInterface
  interface Scenario {
    Row run() throws Exception;
  }
}
