package dev.hl7ferry.edge.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ferry-edge run} in a separate JVM on the test classpath, for crash and restart tests. */
public final class EdgeProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private final Process process;
  private final int port;
  private final Path log;
  private final Path out;

  private EdgeProcess(Process process, int port, Path log, Path out) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.out = out;
  }

  /** Starts the edge with {@code args} after {@code run --port 0}; waits until it listens. */
  static EdgeProcess start(Path logDir, String name, String... args) throws Exception {
    return start(logDir, name, List.of(), args);
  }

  /** As above, with JVM options (system properties) before the main class. */
  public static EdgeProcess start(Path logDir, String name, List<String> jvmArgs, String... args)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
    command.addAll(jvmArgs);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.hl7ferry.edge.cli.FerryEdge",
            "run",
            "--port",
            "0"));
    command.addAll(List.of(args));
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // Generous: on the shared 2-core machine under load (~35) a JVM start took 28-47 s.
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(out));
      if (m.find()) {
        return new EdgeProcess(process, Integer.parseInt(m.group(1)), err, out);
      }
      if (!process.isAlive()) {
        throw new IOException("edge exited early: " + Files.readString(err));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IOException(
        "edge did not start in " + START_TIMEOUT.toSeconds() + " s: " + Files.readString(err));
  }

  int port() {
    return port;
  }

  /** What the edge logged so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** What the edge printed on standard output so far (the listening and admin lines). */
  public String output() throws IOException {
    return Files.readString(out);
  }

  /** SIGKILL: no shutdown hook, no graceful anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: the graceful stop; returns the exit code (143 after SIGTERM, as for any JVM). */
  public int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
