package dev.hl7ferry.core.message;

import dev.hl7ferry.core.escape.Escaping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One segment of a message. Holds the raw segment text; fields are located on first access and
 * values decoded only when read. Field numbers are 1-based as in the standard: for MSH, field 1 is
 * the field separator and field 2 the encoding characters.
 */
public final class Segment {
  /** The whole message text; this segment is {@code source[from, to)}, so nothing is copied. */
  private final String source;

  private final int from;
  private final int to;
  private final Delimiters d;
  private final Escaping escaping;
  private final boolean header;
  private String name;
  private int[] fieldStarts;

  Segment(String source, int from, int to, Delimiters delimiters, Escaping escaping) {
    this.source = source;
    this.from = from;
    this.to = to;
    this.d = delimiters;
    this.escaping = escaping;
    this.header = named("MSH") || named("BHS") || named("FHS");
  }

  /** The segment id, e.g. "PID". */
  public String name() {
    if (name == null) {
      name = source.substring(from, Math.min(to, from + 3));
    }
    return name;
  }

  /** Whether this segment's id is {@code id}, without allocating. */
  public boolean named(String id) {
    return to - from >= id.length()
        && source.startsWith(id, from)
        && (to - from == id.length() || source.charAt(from + id.length()) == d.field());
  }

  /** The raw segment text, escapes intact, without terminator. */
  public String text() {
    return source.substring(from, to);
  }

  /** The length of the raw segment text. */
  public int length() {
    return to - from;
  }

  /** The highest field number present (MSH counts MSH-1). */
  public int fieldCount() {
    int parts = starts().length;
    return header ? parts : parts - 1;
  }

  /** The raw text of field {@code n} (all repetitions), or "" when absent. */
  public String raw(int n) {
    if (header && n == 1) {
      return String.valueOf(d.field());
    }
    int index = header ? n - 1 : n;
    int[] starts = starts();
    if (n < 1 || index >= starts.length) {
      return "";
    }
    int start = starts[index];
    int end = index + 1 < starts.length ? starts[index + 1] - 1 : to;
    return source.substring(start, end);
  }

  /**
   * The raw text of one element: repetition {@code rep} of field {@code n}, narrowed to component
   * {@code comp} and subcomponent {@code sub} when they are non-zero.
   */
  public String raw(int n, int rep, int comp, int sub) {
    if (header && (n == 1 || n == 2)) {
      return rep == 1 && comp <= 1 && sub <= 1 ? raw(n) : "";
    }
    int index = header ? n - 1 : n;
    int[] starts = starts();
    if (n < 1 || index >= starts.length) {
      return "";
    }
    // Narrow [start, end) step by step inside the message text: one substring at the end.
    int start = starts[index];
    int end = index + 1 < starts.length ? starts[index + 1] - 1 : to;
    long span = narrow(start, end, d.repetition(), rep);
    if (comp > 0 && span >= 0) {
      span = narrow((int) (span >>> 32), (int) span, d.component(), comp);
      if (sub > 0 && span >= 0) {
        span = narrow((int) (span >>> 32), (int) span, d.subcomponent(), sub);
      }
    }
    return span < 0 ? "" : source.substring((int) (span >>> 32), (int) span);
  }

  /**
   * The bounds of the {@code n}-th part of {@code source[start, end)} split on {@code sep}, packed
   * as {@code start << 32 | end}, or -1 past the last part.
   */
  private long narrow(int start, int end, char sep, int n) {
    if (sep == Delimiters.NONE) {
      return n == 1 ? ((long) start << 32) | end : -1;
    }
    int part = 1;
    for (int i = start; i < end; i++) {
      if (source.charAt(i) == sep) {
        if (part == n) {
          return ((long) start << 32) | i;
        }
        part++;
        start = i + 1;
      }
    }
    return part == n ? ((long) start << 32) | end : -1;
  }

  /**
   * The decoded value of one leaf. With no component given it reads component 1, with no
   * subcomponent subcomponent 1 (as HAPI's Terser does), so the result never holds delimiters.
   */
  public String value(int n, int rep, int comp, int sub) {
    if (header && (n == 1 || n == 2)) {
      return raw(n, rep, comp, sub);
    }
    return escaping.decode(raw(n, rep, Math.max(comp, 1), Math.max(sub, 1)));
  }

  /** The decoded value of field {@code n}, first repetition, first component. */
  public String value(int n) {
    return value(n, 1, 1, 1);
  }

  /** How many repetitions field {@code n} has (0 when empty). */
  public int repetitionCount(int n) {
    String field = raw(n);
    if (field.isEmpty()) {
      return 0;
    }
    return header && (n == 1 || n == 2) ? 1 : Splitter.count(field, d.repetition());
  }

  /** Re-encodes the segment from its parsed structure: fields, repetitions, components. */
  public String encode() {
    StringBuilder out = new StringBuilder(to - from);
    int[] starts = starts();
    // Everything before the first field separator: the id, or a whole line that has no fields.
    out.append(source, from, starts.length > 1 ? starts[1] - 1 : to);
    int first = 1;
    if (header) {
      out.append(d.field()).append(raw(2));
      first = 3;
    }
    int count = fieldCount();
    for (int n = first; n <= count; n++) {
      out.append(d.field());
      encodeField(raw(n), out);
    }
    return out.toString();
  }

  private void encodeField(String field, StringBuilder out) {
    List<String> reps = split(field, d.repetition());
    for (int r = 0; r < reps.size(); r++) {
      if (r > 0) {
        out.append(d.repetition());
      }
      List<String> comps = split(reps.get(r), d.component());
      for (int c = 0; c < comps.size(); c++) {
        if (c > 0) {
          out.append(d.component());
        }
        List<String> subs = split(comps.get(c), d.subcomponent());
        out.append(String.join(String.valueOf(d.subcomponent()), subs));
      }
    }
  }

  private static List<String> split(String s, char sep) {
    List<String> parts = new ArrayList<>();
    int count = Splitter.count(s, sep);
    for (int i = 1; i <= count; i++) {
      parts.add(Splitter.nth(s, sep, i));
    }
    return parts;
  }

  private int[] starts() {
    if (fieldStarts == null) {
      // One bounded pass over this segment only (String.indexOf would run on to the message end).
      char f = d.field();
      int[] starts = new int[24];
      starts[0] = from;
      int k = 1;
      for (int i = from; i < to; i++) {
        if (source.charAt(i) == f) {
          if (k == starts.length) {
            starts = Arrays.copyOf(starts, k * 2);
          }
          starts[k++] = i + 1;
        }
      }
      fieldStarts = Arrays.copyOf(starts, k);
    }
    return fieldStarts;
  }

  @Override
  public String toString() {
    return "Segment[" + name() + ", " + length() + " chars]";
  }
}
