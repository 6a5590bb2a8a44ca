package dev.hl7ferry.e2e;

import dev.hl7ferry.core.ack.AckOutcome;
import dev.hl7ferry.edge.sink.MllpSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One hospital system of a {@link FerryStack}: the edge's {@link MllpSink} on a loopback port that
 * stays the same across {@link #stop()} and {@link #start()}, writing each message as a file, one
 * sub-folder per start ({@code 001/}, {@code 002/}, ...) so that arrival order survives restarts.
 */
public final class Sink {
  private final String destination;
  private final Path dir;
  private volatile Consumer<byte[]> onStored = payload -> {};
  private MllpSink running;
  private int port;
  private int starts;

  Sink(String destination, Path dir) {
    this.destination = destination;
    this.dir = dir;
  }

  /** The destination name the routes and the edge's outbound section use. */
  public String destination() {
    return destination;
  }

  /** The port (fixed at the first start). */
  public int port() {
    return port;
  }

  /** The folder the sink writes to: per start a sub-folder of {@code <controlId>-<seq>.hl7}. */
  public Path dir() {
    return dir;
  }

  /** Starts listening (again); a restart keeps the port and the files already received. */
  public synchronized void start() throws IOException, InterruptedException {
    if (running != null) {
      return;
    }
    Path folder = dir.resolve(String.format("%03d", starts + 1));
    MllpSink sink = new MllpSink("127.0.0.1", port, folder, AckOutcome.ACCEPT);
    sink.onStored(payload -> onStored.accept(payload));
    port = sink.start().getPort();
    running = sink;
    starts++;
  }

  /** Stops listening: the edge sees connection refused and retries. */
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /**
   * Calls {@code listener} with each message once it is stored, before its ACK, on the sink's
   * writer thread (for latency measurements); one listener, kept across restarts.
   */
  public Sink onStored(Consumer<byte[]> listener) {
    this.onStored = listener;
    return this;
  }

  /** Messages received so far, in arrival order (across restarts). */
  public List<Delivered> received() {
    return files().map(Sink::read).sorted().toList();
  }

  /** How many messages were received (files written) so far. */
  public int count() {
    return (int) files().count();
  }

  /**
   * The message files of every start, listed without reading attributes (temp files come and go).
   */
  private Stream<Path> files() {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> starts = Files.list(dir)) {
      List<Path> all = new ArrayList<>();
      for (Path start : starts.sorted().toList()) {
        try (Stream<Path> files = Files.list(start)) {
          files.filter(Sink::isMessage).forEach(all::add);
        }
      }
      return all.stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static boolean isMessage(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".hl7") && !name.startsWith(".");
  }

  private static Delivered read(Path file) {
    try {
      String name = file.getFileName().toString();
      long sequence =
          Long.parseLong(
              name.substring(name.lastIndexOf('-') + 1, name.length() - ".hl7".length()));
      int start = Integer.parseInt(file.getParent().getFileName().toString());
      return new Delivered(
          start, sequence, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
