package dev.hl7ferry.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalCloudMainTest {

  @Test
  void flagsOverrideTheDefaults() {
    LocalCloudConfig config =
        LocalCloudMain.parse(
            new String[] {
              "--data-dir",
              "/tmp/x",
              "--s3-port",
              "9000",
              "--sqs-port",
              "9324",
              "--sites",
              "a,b",
              "--standard",
              "--vendors",
              "demo-ai,other"
            });

    assertEquals(Path.of("/tmp/x"), config.s3DataDir());
    assertEquals(9000, config.s3Port());
    assertEquals(9324, config.sqsPort());
    assertEquals(List.of("a", "b"), config.sites());
    assertFalse(config.fifo());
    assertEquals(List.of("demo-ai", "other"), config.vendors());
  }

  @Test
  void theTemplatesFlagIsTakenOutBeforeTheCloudFlagsAreParsed() {
    List<String> rest =
        new java.util.ArrayList<>(List.of("--sites", "a", "--templates", "/t", "--standard"));

    assertEquals(Path.of("/t"), LocalCloudMain.takeTemplates(rest));
    assertEquals(List.of("--sites", "a", "--standard"), rest);
    assertEquals(null, LocalCloudMain.takeTemplates(rest));
    assertThrows(
        IllegalArgumentException.class,
        () -> LocalCloudMain.takeTemplates(new java.util.ArrayList<>(List.of("--templates"))));
  }

  @Test
  void anUnknownFlagIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"-x"}));
    assertEquals("unknown flag -x", e.getMessage());
  }
}
