package dev.hl7ferry.edge.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built release as failsafe names it (tarball, jar, version, module list), unpacked with the
 * system's tar so file modes are those an administrator gets.
 */
record Release(Path tarball, Path jar, String version, List<String> modules) {

  /** The release of this build; skips the test where the pom did not build one (not Linux x64). */
  static Release ofThisBuild() {
    assumeFalse(
        Boolean.parseBoolean(System.getProperty("ferry.distSkipped", "false")),
        "no release tarball on this platform (dist.skip)");
    String version = System.getProperty("ferry.expectedVersion");
    assertTrue(version != null && !version.isBlank(), "failsafe sets ferry.expectedVersion");
    Release release =
        new Release(
            Path.of(System.getProperty("ferry.tarball", "target/missing.tar.gz")),
            Path.of(System.getProperty("ferry.jar", "target/missing.jar")),
            version,
            List.of(System.getProperty("ferry.modules", "").split(",")));
    assertTrue(Files.isRegularFile(release.tarball), "built by package: " + release.tarball);
    return release;
  }

  /** Unpacks the tarball into {@code dir}; returns the release's top directory. */
  Path unpackInto(Path dir) throws IOException, InterruptedException {
    Result tar = Result.run(dir, List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()));
    assertEquals(0, tar.exit(), tar.output());
    Path home = dir.resolve("ferry-edge-" + version);
    assertTrue(Files.isDirectory(home), "the tarball's top directory is ferry-edge-" + version);
    return home;
  }

  /** A finished command: exit code and combined output. */
  record Result(int exit, String output) {
    static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
      return run(dir, Map.of(), command);
    }

    /** Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
    static Result run(Path dir, Map<String, String> env, List<String> command)
        throws IOException, InterruptedException {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder.environment().putAll(env);
      Process process = builder.redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(180, TimeUnit.SECONDS), "finished: " + command);
      return new Result(process.exitValue(), out);
    }
  }
}
