package dev.hl7ferry.edge.deliver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDestinationTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-08T01:02:03.456Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anOutputBecomesOneFileNamedByThePatternWithItsExactBytes() throws Exception {
    Output output = TestOutputs.hl7("lis", "C1");
    FileDestination d =
        new FileDestination("lis", dir, new FileNamePattern(FileNamePattern.DEFAULT), CLOCK);
    DeliveryResult r = d.deliver(output);
    assertEquals(DeliveryOutcome.DELIVERED, r.outcome());
    assertEquals(List.of("20260308T010203456Z_C1_id-C1.hl7"), names(dir));
    assertArrayEquals(output.payload(), Files.readAllBytes(dir.resolve(names(dir).get(0))));
  }

  @Test
  void placeholderValuesAreMadeSafeFileNames() {
    Output nasty =
        new Output(
            "../../etc",
            "a/b",
            "C 1/../x",
            "application/json",
            "{}".getBytes(StandardCharsets.UTF_8));
    String name =
        new FileNamePattern("{destination}-{controlId}-{id}.{ext}").render(nasty, CLOCK.instant());
    assertEquals("a_b-C_1_.._x-.._.._etc.json", name);
    assertEquals(
        "_._x.bin",
        new FileNamePattern("{id}.{ext}")
            .render(new Output("../x", "d", "", "text/plain", new byte[0]), CLOCK.instant()));
  }

  @Test
  void aPatternWithAnUnknownPlaceholderOrASlashIsRefused() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> new FileNamePattern("{mrn}.hl7"))
            .getMessage()
            .startsWith("unknown placeholder {mrn}"));
    assertThrows(IllegalArgumentException.class, () -> new FileNamePattern("sub/{id}"));
  }

  @Test
  void noPartialFileIsEverVisibleUnderItsFinalName() throws Exception {
    byte[] big = new byte[8 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    Output output = new Output("big", "lis", "C1", "text/plain", big);
    AtomicBoolean done = new AtomicBoolean();
    AtomicBoolean partialSeen = new AtomicBoolean();
    Thread watcher =
        new Thread(
            () -> {
              Path target = dir.resolve("big.bin");
              while (!done.get()) {
                try {
                  if (Files.exists(target) && Files.size(target) != big.length) {
                    partialSeen.set(true);
                  }
                } catch (java.io.IOException e) {
                  // renamed away between the two calls: fine
                }
              }
            });
    watcher.start();
    FileDestination d = new FileDestination("lis", dir, new FileNamePattern("{id}.{ext}"), CLOCK);
    for (int i = 0; i < 5; i++) {
      assertEquals(DeliveryOutcome.DELIVERED, d.deliver(output).outcome());
    }
    done.set(true);
    watcher.join();
    assertEquals(false, partialSeen.get());
    assertEquals(List.of("big.bin"), names(dir)); // the temporary file is gone
  }

  @Test
  void aMissingDirectoryIsATransientFailure() {
    FileDestination d =
        new FileDestination(
            "lis", dir.resolve("absent"), new FileNamePattern(FileNamePattern.DEFAULT), CLOCK);
    DeliveryResult r = d.deliver(TestOutputs.hl7("lis", "C1"));
    assertEquals(DeliveryOutcome.TRANSIENT_FAILURE, r.outcome());
  }
}
