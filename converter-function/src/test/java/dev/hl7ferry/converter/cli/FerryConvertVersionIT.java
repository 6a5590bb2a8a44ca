package dev.hl7ferry.converter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the shaded jar as a user would; failsafe passes the pom version and the jar's path. */
class FerryConvertVersionIT {

  @Test
  void versionFromTheBuiltJarIsThePomVersion() throws IOException, InterruptedException {
    String expected = System.getProperty("ferry.expectedVersion");
    Path jar = Path.of(System.getProperty("ferry.jar", "target/missing.jar"));
    assertTrue(expected != null && !expected.isBlank(), "failsafe sets ferry.expectedVersion");
    assertTrue(Files.isRegularFile(jar), "the shaded jar is built before this test: " + jar);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ferry-convert --version exits");

    assertEquals(0, process.exitValue(), out);
    assertEquals("ferry-convert " + expected, out.strip());
  }
}
