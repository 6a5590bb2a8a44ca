package dev.hl7ferry.e2e.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One product process started from the test classpath, its output appended to a log file; it can be
 * stopped gracefully, killed with SIGKILL, frozen with SIGSTOP and resumed.
 */
final class Child {
  private final String name;
  private final Process process;
  private final Path log;

  private Child(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass args} in a new JVM with options {@code jvm} and {@code env} added. */
  static Child start(
      String name,
      Path log,
      List<String> jvm,
      Map<String, String> env,
      String mainClass,
      String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvm);
    command.addAll(List.of("-cp", classpath));
    command.add(mainClass);
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        "=== " + String.join(" ", List.of(args)) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new Child(name, builder.start(), log);
  }

  /** Waits until the log holds {@code text} after this start; fails if the process exits first. */
  void awaitLine(String text, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String all = Files.readString(log, StandardCharsets.ISO_8859_1);
      int start = all.lastIndexOf("=== ");
      if (all.indexOf(text, Math.max(0, start)) >= 0) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ", see " + log);
      }
      Thread.sleep(50);
    }
    throw new IOException(name + " did not log '" + text + "' within " + timeout + ", see " + log);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
  void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Sends a signal by name (STOP, CONT) with the system's {@code kill}. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + signal + " " + pid() + " failed");
    }
  }

  /** Resident set size now, in bytes (0 when the process is gone). */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
