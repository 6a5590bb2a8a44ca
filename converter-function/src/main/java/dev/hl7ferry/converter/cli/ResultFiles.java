package dev.hl7ferry.converter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a result file for {@code submit-result} and refuses what the converter would only refuse
 * later: JSON that does not parse, HL7 that does not start with a readable MSH. HL7 line ends (LF,
 * CRLF) become CR, as HL7 v2 requires. Messages name positions, never content.
 */
final class ResultFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultFiles() {}

  /** The bytes of a JSON result file, checked to be exactly one JSON value. */
  static byte[] json(Path file) {
    byte[] bytes = read(file);
    try {
      JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file
              + " is not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")",
          e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    }
    return bytes;
  }

  /** The bytes of an HL7 v2 result file, segments ended by CR, checked to parse. */
  static byte[] hl7(Path file) {
    String text = new String(read(file), StandardCharsets.UTF_8);
    String segments = text.replace("\r\n", "\r").replace('\n', '\r').strip() + "\r";
    try {
      Hl7Message.parse(segments);
    } catch (Hl7ParseException e) {
      throw new IllegalArgumentException(file + " is not an HL7 v2 message: " + e.getMessage(), e);
    }
    return segments.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
