package dev.hl7ferry.core.escape;

import dev.hl7ferry.core.message.Delimiters;
import java.nio.charset.Charset;

/**
 * Decodes and applies HL7 escape sequences for one message's delimiters and character set.
 *
 * <p>Decoded: {@code \F\ \S\ \T\ \R\ \E\} (the delimiters), {@code \P\} (truncation, v2.7), {@code
 * \Xhhhh..\} (hex bytes in the message's charset) and {@code \.br\} (a line break, decoded to LF).
 * Sequences that format or switch character sets ({@code \H\ \N\ \.sp\ \Zxx\ \Cxxyy\ ..}) carry no
 * character of their own; they are kept verbatim so nothing is lost. A lone escape character
 * without its closing partner is kept as is.
 *
 * <p>Applied on write: the five delimiter characters and LF/CR (as {@code \.br\}). For every value
 * {@code v}: {@code decode(encode(v)).equals(v)} when {@code v} holds no CR.
 */
public final class Escaping {
  private final Delimiters d;
  private final Charset charset;

  public Escaping(Delimiters delimiters, Charset charset) {
    this.d = delimiters;
    this.charset = charset;
  }

  /** Decodes the escape sequences of one leaf value (a component or subcomponent). */
  public String decode(String raw) {
    char esc = d.escape();
    if (esc == Delimiters.NONE || raw.indexOf(esc) < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    int n = raw.length();
    while (i < n) {
      char c = raw.charAt(i);
      int close = c == esc ? raw.indexOf(esc, i + 1) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String body = raw.substring(i + 1, close);
      if (!appendDecoded(body, out)) {
        out.append(raw, i, close + 1);
      }
      i = close + 1;
    }
    return out.toString();
  }

  private boolean appendDecoded(String body, StringBuilder out) {
    if (body.length() == 1) {
      char c =
          switch (body.charAt(0)) {
            case 'F' -> d.field();
            case 'S' -> d.component();
            case 'T' -> d.subcomponent();
            case 'R' -> d.repetition();
            case 'E' -> d.escape();
            case 'P' -> d.truncation();
            default -> Delimiters.NONE;
          };
      if (c == Delimiters.NONE) {
        return false;
      }
      out.append(c);
      return true;
    }
    if (body.equals(".br")) {
      out.append('\n');
      return true;
    }
    if (body.length() > 1 && body.charAt(0) == 'X' && (body.length() - 1) % 2 == 0) {
      byte[] bytes = new byte[(body.length() - 1) / 2];
      for (int b = 0; b < bytes.length; b++) {
        int hi = Character.digit(body.charAt(1 + 2 * b), 16);
        int lo = Character.digit(body.charAt(2 + 2 * b), 16);
        if (hi < 0 || lo < 0) {
          return false;
        }
        bytes[b] = (byte) (hi << 4 | lo);
      }
      out.append(new String(bytes, charset));
      return true;
    }
    return false;
  }

  /** Applies escape sequences so {@code value} can stand as one leaf of an HL7 message. */
  public String encode(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && !needsEscape(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    char esc = d.escape() == Delimiters.NONE ? '\\' : d.escape();
    StringBuilder out = new StringBuilder(n + 8);
    out.append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && value.charAt(i + 1) == '\n') {
          i++;
        }
        out.append(esc).append(".br").append(esc);
      } else if (needsEscape(c)) {
        out.append(esc).append(code(c)).append(esc);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private boolean needsEscape(char c) {
    return c == '\r'
        || c == '\n'
        || d.isSpecial(c)
        || (c == d.truncation() && c != Delimiters.NONE);
  }

  private char code(char c) {
    if (c == d.field()) {
      return 'F';
    } else if (c == d.component()) {
      return 'S';
    } else if (c == d.subcomponent()) {
      return 'T';
    } else if (c == d.repetition()) {
      return 'R';
    } else if (c == d.escape()) {
      return 'E';
    }
    return 'P';
  }
}
