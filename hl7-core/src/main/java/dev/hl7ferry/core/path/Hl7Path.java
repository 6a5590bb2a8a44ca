package dev.hl7ferry.core.path;

/**
 * A parsed HL7 path: {@code SEG[(occurrence)]-field[(repetition)][.component[.subcomponent]]}.
 * Every index is 1-based as in the standard; MSH-1 is the field separator and MSH-2 the encoding
 * characters. Zero component or subcomponent means "not given" (the whole repetition or component).
 *
 * <p>Examples: {@code PID-5}, {@code PID-5.1}, {@code PID-3(2).1}, {@code OBX(3)-5}, {@code
 * MSH-9.2}, {@code PID-11.1.2}.
 */
public record Hl7Path(
    String segment, int occurrence, int field, int repetition, int component, int subcomponent) {

  public Hl7Path {
    if (segment == null || segment.length() != 3) {
      throw new IllegalArgumentException("segment id must be three characters: " + segment);
    }
    if (occurrence < 1 || field < 1 || repetition < 1 || component < 0 || subcomponent < 0) {
      throw new IllegalArgumentException("HL7 path indexes are 1-based");
    }
    if (subcomponent > 0 && component == 0) {
      throw new IllegalArgumentException("a subcomponent needs a component");
    }
  }

  /** Parses a path; throws {@link IllegalArgumentException} naming the problem. */
  public static Hl7Path parse(String path) {
    Cursor c = new Cursor(path.trim());
    String segment = c.take(3);
    int occurrence = c.optionalIndex();
    c.expect('-');
    int field = c.number();
    int repetition = c.optionalIndex();
    int component = 0;
    int subcomponent = 0;
    if (c.accept('.')) {
      component = c.number();
      if (c.accept('.')) {
        subcomponent = c.number();
      }
    }
    c.end();
    return new Hl7Path(
        segment,
        occurrence == 0 ? 1 : occurrence,
        field,
        repetition == 0 ? 1 : repetition,
        component,
        subcomponent);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(segment);
    if (occurrence != 1) {
      out.append('(').append(occurrence).append(')');
    }
    out.append('-').append(field);
    if (repetition != 1) {
      out.append('(').append(repetition).append(')');
    }
    if (component > 0) {
      out.append('.').append(component);
    }
    if (subcomponent > 0) {
      out.append('.').append(subcomponent);
    }
    return out.toString();
  }

  /** A tiny hand-written scanner: no regular expressions on hot paths. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    String take(int n) {
      if (i + n > s.length()) {
        throw fail("expected a segment id");
      }
      String out = s.substring(i, i + n);
      for (int k = 0; k < n; k++) {
        if (!Character.isLetterOrDigit(out.charAt(k))) {
          throw fail("expected a segment id");
        }
      }
      i += n;
      return out;
    }

    boolean accept(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!accept(c)) {
        throw fail("expected '" + c + "'");
      }
    }

    int optionalIndex() {
      if (!accept('(')) {
        return 0;
      }
      int n = number();
      expect(')');
      return n;
    }

    int number() {
      int start = i;
      int n = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        n = n * 10 + (s.charAt(i++) - '0');
        if (n > 100_000) {
          throw fail("index too large");
        }
      }
      if (i == start) {
        throw fail("expected a number");
      }
      if (n == 0) {
        throw fail("indexes are 1-based");
      }
      return n;
    }

    void end() {
      if (i != s.length()) {
        throw fail("unexpected text");
      }
    }

    IllegalArgumentException fail(String why) {
      return new IllegalArgumentException("bad HL7 path '" + s + "' at " + (i + 1) + ": " + why);
    }
  }
}
