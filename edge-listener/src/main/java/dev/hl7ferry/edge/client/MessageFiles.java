package dev.hl7ferry.edge.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads messages from files: a file holds one or many messages, segments separated by CR, LF or
 * CRLF; a new message starts at each line beginning with MSH. Bytes are kept as they are (read as
 * ISO-8859-1, which maps each byte to one char and back); segment ends become CR.
 */
public final class MessageFiles {
  private MessageFiles() {}

  /** Every regular file under each path (directories recursively, sorted), in order. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IOException("no such file: " + path);
      }
    }
    return files;
  }

  /** The messages in one file, segments ending in CR. */
  public static List<byte[]> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    List<byte[]> messages = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("MSH") && current.length() > 0) {
        messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
        current.setLength(0);
      }
      current.append(line).append('\r');
    }
    if (current.length() > 0) {
      messages.add(current.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
    return messages;
  }

  /** MSH-10 of a message, read from its first line with its own field separator. */
  public static String controlId(byte[] message) {
    int end = 0;
    while (end < message.length && message[end] != '\r') {
      end++;
    }
    String msh = new String(message, 0, end, StandardCharsets.ISO_8859_1);
    if (msh.length() < 4 || !msh.startsWith("MSH")) {
      return "";
    }
    String[] fields = msh.split(java.util.regex.Pattern.quote(String.valueOf(msh.charAt(3))), -1);
    return fields.length > 9 ? fields[9] : "";
  }
}
