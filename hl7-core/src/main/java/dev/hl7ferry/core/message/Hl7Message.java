package dev.hl7ferry.core.message;

import dev.hl7ferry.core.error.ErrorCode;
import dev.hl7ferry.core.error.ErrorLocation;
import dev.hl7ferry.core.error.Hl7Error;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.escape.Escaping;
import dev.hl7ferry.core.path.Hl7Path;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed HL7 v2 message. Parsing is lazy: {@link #parse} only finds the MSH segment and its
 * delimiters; the other segments are located on first use and their fields on first access.
 * Segments may be separated by CR, LF or CRLF on input; {@link #encode} writes CR.
 *
 * <p>Not thread-safe: the lazy parts are filled in without locks, so a message belongs to one
 * thread at a time (hand it over through a queue or future, which publishes it safely).
 */
public final class Hl7Message {
  private final String text;
  private final Delimiters delimiters;
  private final Charset charset;
  private final Escaping escaping;
  private final Segment msh;
  private final int bodyStart;
  private List<Segment> segments;
  private MessageHeader header;

  private Hl7Message(
      String text,
      Delimiters delimiters,
      Charset charset,
      Segment msh,
      Escaping escaping,
      int body) {
    this.text = text;
    this.delimiters = delimiters;
    this.charset = charset;
    this.escaping = escaping;
    this.msh = msh;
    this.bodyStart = body;
  }

  /** Parses decoded text; {@code \X..\} escapes are read as UTF-8. */
  public static Hl7Message parse(String text) throws Hl7ParseException {
    return parse(text, StandardCharsets.UTF_8);
  }

  /**
   * Parses decoded text whose bytes were in {@code charset} (used to read {@code \X..\} escapes).
   * Leading whitespace, a byte order mark and blank lines are skipped.
   */
  public static Hl7Message parse(String text, Charset charset) throws Hl7ParseException {
    int start = 0;
    while (start < text.length() && isLeadingNoise(text.charAt(start))) {
      start++;
    }
    if (!text.startsWith("MSH", start)) {
      throw new Hl7ParseException(
          Hl7Error.error(
              ErrorCode.SEGMENT_SEQUENCE_ERROR,
              ErrorLocation.segment("MSH", 1),
              "message does not start with an MSH segment"),
          null);
    }
    int end = lineEnd(text, start);
    Delimiters delimiters = Delimiters.parse(text, start, end);
    Escaping escaping = new Escaping(delimiters, charset);
    Segment msh = new Segment(text, start, end, delimiters, escaping);
    return new Hl7Message(text, delimiters, charset, msh, escaping, end);
  }

  private static boolean isLeadingNoise(char c) {
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\uFEFF' || c == '\0';
  }

  private static int lineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        return i;
      }
    }
    return text.length();
  }

  private static int crEnd(String text, int from) {
    int end = text.indexOf('\r', from);
    return end < 0 ? text.length() : end;
  }

  /** The message's delimiters from MSH-1/MSH-2. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /** The character set the message's bytes were decoded from. */
  public Charset charset() {
    return charset;
  }

  /** Escape handling for this message's delimiters and charset. */
  public Escaping escaping() {
    return escaping;
  }

  /** The text as given to {@link #parse}. */
  public String text() {
    return text;
  }

  /** The MSH segment (read without touching the body). */
  public Segment msh() {
    return msh;
  }

  /** The header fields (read without touching the body). */
  public MessageHeader header() {
    if (header == null) {
      header = MessageHeader.of(msh, delimiters);
    }
    return header;
  }

  /** Whether the body has been split into segments yet (it is not until something needs it). */
  boolean bodyLocated() {
    return segments != null;
  }

  /** All segments in order, MSH first. */
  public List<Segment> segments() {
    if (segments == null) {
      List<Segment> list = new ArrayList<>();
      list.add(msh);
      // Most senders use CR only; then String.indexOf (vectorised) finds each segment's end.
      boolean crOnly = text.indexOf('\n', bodyStart) < 0;
      int i = bodyStart;
      while (i < text.length()) {
        int end = crOnly ? crEnd(text, i) : lineEnd(text, i);
        if (end > i) {
          list.add(new Segment(text, i, end, delimiters, escaping));
        }
        i = end + 1;
      }
      segments = Collections.unmodifiableList(list);
    }
    return segments;
  }

  /** All segments named {@code name}, in order. */
  public List<Segment> segments(String name) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : segments()) {
      if (s.named(name)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The {@code occurrence}-th (1-based) segment named {@code name}, or null. */
  public Segment segment(String name, int occurrence) {
    if (occurrence == 1 && msh.named(name)) {
      return msh;
    }
    int seen = 0;
    for (Segment s : segments()) {
      if (s.named(name) && ++seen == occurrence) {
        return s;
      }
    }
    return null;
  }

  /** The decoded value at an HL7 path such as {@code PID-5.1}; "" when absent. */
  public String get(String path) {
    return get(Hl7Path.parse(path));
  }

  /** The decoded value at {@code path}; "" when absent. See {@link Segment#value}. */
  public String get(Hl7Path path) {
    Segment s = segment(path.segment(), path.occurrence());
    if (s == null) {
      return "";
    }
    return s.value(path.field(), path.repetition(), path.component(), path.subcomponent());
  }

  /** The raw (still escaped) text at {@code path}: a whole repetition, component or leaf. */
  public String raw(Hl7Path path) {
    Segment s = segment(path.segment(), path.occurrence());
    if (s == null) {
      return "";
    }
    return s.raw(path.field(), path.repetition(), path.component(), path.subcomponent());
  }

  /** Re-encodes the message from its parsed structure, segments separated by CR. */
  public String encode() {
    StringBuilder out = new StringBuilder(text.length());
    for (Segment s : segments()) {
      out.append(s.encode()).append('\r');
    }
    return out.toString();
  }
}
