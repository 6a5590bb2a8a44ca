package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpoolSettingsTest {
  private static final Path DIR = Path.of("spool");

  @Test
  void quotasAndBatchBoundMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> SpoolSettings.of(DIR, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> SpoolSettings.of(DIR, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SpoolSettings(DIR, 1, 1, 0));
  }

  @Test
  void commitDelayIsBetweenZeroAndOneSecond() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SpoolSettings(DIR, 1, 1, 1, Duration.ofMillis(-1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SpoolSettings(DIR, 1, 1, 1, Duration.ofSeconds(2)));
    assertEquals(Duration.ZERO, new SpoolSettings(DIR, 1, 1, 1, Duration.ZERO).maxCommitDelay());
  }

  @Test
  void shortFormsUseTheDefaults() {
    SpoolSettings settings = SpoolSettings.of(DIR, 10, 20);

    assertEquals(SpoolSettings.DEFAULT_MAX_BATCH_SIZE, settings.maxBatchSize());
    assertEquals(SpoolSettings.DEFAULT_MAX_COMMIT_DELAY, settings.maxCommitDelay());
    assertTrue(settings.databaseFile().endsWith("spool.db"));
  }
}
