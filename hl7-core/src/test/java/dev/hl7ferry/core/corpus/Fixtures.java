package dev.hl7ferry.core.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The synthetic fixture corpus under {@code src/test/resources/fixtures}: every {@code .hl7} file
 * is stored as bytes in the charset its MSH-18 declares; {@code expected/<name>.txt} holds the
 * intended text (UTF-8, CR separators) of the ones that are not plain ASCII.
 */
public final class Fixtures {
  /** The charset each non-ASCII fixture's bytes are in, as written by the corpus author. */
  static final Map<String, Charset> NON_ASCII =
      Map.of(
          "adt_a01_v25_utf16", StandardCharsets.UTF_16LE,
          "adt_a08_v23_8859_2", Charset.forName("ISO-8859-2"),
          "adt_a40_v28", StandardCharsets.UTF_8,
          "mdm_t02_v26_cp1252", Charset.forName("windows-1252"),
          "oru_r01_v251_latin1", StandardCharsets.ISO_8859_1,
          "oru_r01_v26_utf8", StandardCharsets.UTF_8,
          "oru_r01_v27_utf8_greek", StandardCharsets.UTF_8);

  private Fixtures() {}

  /** Fixture names without extension, sorted. */
  public static List<String> names() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".hl7"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored bytes of a fixture. */
  public static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".hl7")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The charset the fixture's bytes were written in. */
  public static Charset charset(String name) {
    return NON_ASCII.getOrDefault(name, StandardCharsets.US_ASCII);
  }

  /**
   * The intended text with CR separators and a final CR: from {@code expected/} for non-ASCII
   * fixtures, else the ASCII bytes with LF and CRLF turned into CR.
   */
  public static String expectedText(String name) {
    if (NON_ASCII.containsKey(name)) {
      try (InputStream in =
          Fixtures.class.getResourceAsStream("/fixtures/expected/" + name + ".txt")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withCrSeparators(new String(bytes(name), StandardCharsets.US_ASCII));
  }

  /** CRLF and LF to CR, with a final CR. */
  public static String withCrSeparators(String text) {
    String cr = text.replace("\r\n", "\r").replace('\n', '\r');
    return cr.endsWith("\r") ? cr : cr + "\r";
  }

  private static Path directory() {
    URL url = Fixtures.class.getResource("/fixtures");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
