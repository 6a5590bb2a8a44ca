package dev.hl7ferry.converter.render;

import dev.hl7ferry.converter.route.MatchMode;
import dev.hl7ferry.converter.route.Route;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.route.UnmatchedPolicy;
import dev.hl7ferry.converter.store.FileSystemTemplateStore;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateSet;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.core.message.Hl7Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Renders per second on one thread for the golden vendor ORU to hospital ORU Liquid template
 * (routing, rendering with lookups/date filters, output check and HL7 re-encoding). Not a unit
 * test; run by hand, see the module README. Args: [seconds to measure, default 10].
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path golden = Path.of(args.length > 1 ? args[1] : "src/test/resources/golden");
    TemplateSet set =
        new TemplateCatalog(new FileSystemTemplateStore(golden.resolve("store")), Duration.ZERO)
            .current(Instant.EPOCH);
    RouteTable routes =
        new RouteTable(
            MatchMode.FIRST_MATCH,
            UnmatchedPolicy.RECORD_AND_DROP,
            List.of(
                new Route("oru", List.of(), "hospital-a/oru.hl7.liquid", List.of("hospital-a"))));
    Hl7Message message = Hl7Message.parse(Files.readString(golden.resolve("cases/vendor-oru.hl7")));
    Fresh fresh = new Fresh("20260102030405+0000", "FERRY0001");
    FreshSource source = (r, d) -> fresh;
    long sink = 0;
    long warmupEnd = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmupEnd) {
      sink += Converter.convert(message, routes, set, source).outputs().size();
    }
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long n = 0;
    long cpuStart = cpu.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        sink += Converter.convert(message, routes, set, source).outputs().get(0).content().length();
      }
      n += 100;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // Per core = per second of this thread's CPU time, which stays honest on a shared machine.
    System.out.printf(
        "ORU->ORU liquid: %d renders, %.1f s wall (%.0f/s), %.1f s CPU = %.0f renders/s per core"
            + " (sink %d)%n",
        n, elapsed, n / elapsed, cpuSeconds, n / cpuSeconds, sink);
  }
}
