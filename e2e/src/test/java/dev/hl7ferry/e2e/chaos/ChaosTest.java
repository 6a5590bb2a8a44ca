package dev.hl7ferry.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos scenarios in their quick sizes (seconds each) against the real processes: every
 * acknowledged message arrives, duplicates stay within the documented bound, and each scenario saw
 * what it provokes (NAKs on a full disk and ACKs once freed without a log storm, error records,
 * oversized frames refused, idle connections held, good senders keeping {@link
 * Sizes#QUICK_FLOOD_TARGET} of their quiet rate under the flood). Part of {@code mvn verify} (about
 * two minutes); tagged {@code chaos}, so {@code -DexcludedGroups=chaos} leaves it out.
 */
@Tag("chaos")
class ChaosTest {

  @Test
  @Timeout(value = 480, unit = TimeUnit.SECONDS)
  void everyScenarioDeliversEveryAcknowledgedMessage(@TempDir Path work) throws Exception {
    List<Row> rows = ChaosMain.run(Sizes.quick(), work, Set.copyOf(ChaosMain.ALL), System.err);
    System.err.print(Table.render(rows));
    assertEquals(ChaosMain.ALL.size(), rows.size());
    assertAll(
        rows.stream()
            .map(
                row ->
                    () -> {
                      if (row.skipped() == null) {
                        assertTrue(row.acked() > 0, row.scenario() + ": nothing acknowledged");
                      }
                      assertEquals(0, row.lost(), row.scenario() + ": lost");
                      assertEquals(List.of(), row.problems(), row.scenario());
                    }));
  }
}
