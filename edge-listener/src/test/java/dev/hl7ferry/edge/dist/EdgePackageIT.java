package dev.hl7ferry.edge.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.dist.Release.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball is self-contained: unpacked, {@code bin/ferry-edge run} starts on the bundled runtime
 * with an empty PATH and no JAVA_HOME, and answers a message with AA.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EdgePackageIT {
  private static final Pattern LISTENING = Pattern.compile("ferry-edge listening on port (\\d+)");

  @TempDir static Path dir;
  static Release release;
  static Path home;

  @BeforeAll
  static void unpack() throws Exception {
    release = Release.ofThisBuild();
    home = release.unpackInto(dir);
  }

  @Test
  void tarballHoldsRuntimeLauncherConfigUnitAndScripts() {
    for (String file :
        List.of(
            "bin/ferry-edge",
            "runtime/bin/java",
            "install.sh",
            "uninstall.sh",
            "systemd/hl7-ferry-edge.service")) {
      assertTrue(Files.isExecutable(home.resolve(file)) || file.endsWith(".service"), file);
    }
    for (String file :
        List.of(
            "lib/ferry-edge.jar",
            "config/ferry-edge-default.yaml",
            "windows/ferry-edge-service.xml",
            "INSTALL.md",
            "CHANGELOG.md",
            "LICENSE",
            "VERSION")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), file);
    }
    assertFalse(Files.exists(home.resolve("runtime/bin/javac")), "a runtime, not a JDK");
  }

  @Test
  void runOnTheBundledRuntimeWithAnEmptyPathAcknowledgesAMessage() throws Exception {
    Path data = dir.resolve("data");
    Path out = dir.resolve("run.out");
    Path log = dir.resolve("run.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/ferry-edge").toString(),
                "run",
                "--port",
                "0",
                "--data-dir",
                data.toString())
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(log.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "");
    builder.environment().put("JAVA_OPTS", "-Xmx128m");
    Process edge = builder.start();
    try {
      int port = awaitPort(edge, out, log);
      assertEquals(
          home.resolve("runtime/bin/java").toRealPath().toString(),
          edge.info().command().orElse("?"),
          "the launcher execs the bundled java");

      String reply = MllpExchange.send(port, "PKG-1");
      assertTrue(reply.contains("\rMSA|AA|PKG-1"), "AA for PKG-1: " + reply);
    } finally {
      edge.destroy();
      assertTrue(edge.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
    }
    assertEquals(143, edge.exitValue(), "graceful stop after SIGTERM");
    assertTrue(Files.readString(log).contains("EdgeServer - stopped"), Files.readString(log));
    assertTrue(Files.isDirectory(data.resolve("journal")), "the message went to the spool");
  }

  @Test
  void versionOnTheBundledRuntimeIsThePomVersion() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("bin/ferry-edge").toString(), "--version")
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "");
    Process process = builder.start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), text);
    assertEquals("ferry-edge " + release.version(), text.strip());
    assertEquals(release.version(), Files.readString(home.resolve("VERSION")).strip());
  }

  @Test
  void bundledRuntimeHasEveryModuleJdepsFindsInTheJar() throws Exception {
    Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
    Result result =
        Result.run(
            dir,
            List.of(
                jdeps.toString(),
                "--multi-release",
                "17",
                "--ignore-missing-deps",
                "--print-module-deps",
                release.jar().toString()));
    assertEquals(0, result.exit(), result.output());
    String[] lines = result.output().strip().split("\n");
    List<String> needed = Arrays.asList(lines[lines.length - 1].strip().split(","));

    String modules = releaseModules();
    for (String module : needed) {
      // java.desktop is left out on purpose (see dist.modules in edge-listener/pom.xml); the run
      // test above proves the edge starts, reads its YAML and acknowledges without it.
      if (!module.equals("java.desktop")) {
        assertTrue(modules.contains(" " + module + " "), module + " in runtime: " + modules);
      }
    }
    for (String provider : List.of("jdk.crypto.ec", "jdk.charsets")) {
      assertTrue(modules.contains(" " + provider + " "), provider + " in runtime: " + modules);
    }
  }

  @Test
  void edgeJarCarriesNoTestOrLocalCloudCode() throws IOException {
    List<String> banned =
        List.of(
            "dev/hl7ferry/infra/",
            "org/gaul/",
            "org/elasticmq/",
            "org/eclipse/jetty/",
            "scala/",
            "org/junit/",
            "org/testcontainers/");
    try (ZipFile jar = new ZipFile(home.resolve("lib/ferry-edge.jar").toFile())) {
      List<String> found =
          jar.stream()
              .map(entry -> entry.getName())
              .filter(name -> banned.stream().anyMatch(name::startsWith))
              .limit(5)
              .toList();
      assertEquals(List.of(), found);
      assertTrue(jar.getEntry("dev/hl7ferry/edge/cli/FerryEdge.class") != null, "the edge is in");
    }
  }

  /**
   * The runtime's module list from its {@code release} file, space-separated with spaces around.
   */
  private static String releaseModules() throws IOException {
    for (String line : Files.readAllLines(home.resolve("runtime/release"))) {
      if (line.startsWith("MODULES=")) {
        return " " + line.substring("MODULES=".length()).replace("\"", "") + " ";
      }
    }
    throw new AssertionError("no MODULES line in runtime/release");
  }

  private static int awaitPort(Process edge, Path out, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher matcher = LISTENING.matcher(Files.readString(out));
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      assertTrue(edge.isAlive(), "edge exited: " + Files.readString(log));
      Thread.sleep(100);
    }
    throw new AssertionError("edge did not listen within 90 s: " + Files.readString(log));
  }
}
