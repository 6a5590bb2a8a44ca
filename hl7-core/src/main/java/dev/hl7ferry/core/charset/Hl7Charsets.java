package dev.hl7ferry.core.charset;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HL7 table 0211 (alternate character sets, MSH-18) mapped to Java charsets. Values outside the
 * table that name a Java charset ("UTF-8", "windows-1252") are accepted too, because senders write
 * them.
 */
public final class Hl7Charsets {
  private static final Map<String, String> TABLE = new HashMap<>();

  static {
    TABLE.put("ASCII", "US-ASCII");
    TABLE.put("8859/1", "ISO-8859-1");
    TABLE.put("8859/2", "ISO-8859-2");
    TABLE.put("8859/3", "ISO-8859-3");
    TABLE.put("8859/4", "ISO-8859-4");
    TABLE.put("8859/5", "ISO-8859-5");
    TABLE.put("8859/6", "ISO-8859-6");
    TABLE.put("8859/7", "ISO-8859-7");
    TABLE.put("8859/8", "ISO-8859-8");
    TABLE.put("8859/9", "ISO-8859-9");
    TABLE.put("8859/15", "ISO-8859-15");
    TABLE.put("ISO IR6", "US-ASCII");
    TABLE.put("ISO IR14", "JIS_X0201");
    TABLE.put("ISO IR87", "ISO-2022-JP");
    TABLE.put("ISO IR159", "ISO-2022-JP-2");
    TABLE.put("GB 18030-2000", "GB18030");
    TABLE.put("KS X 1001", "EUC-KR");
    TABLE.put("CNS 11643-1992", "x-EUC-TW");
    TABLE.put("BIG-5", "Big5");
    TABLE.put("UNICODE", "UTF-8");
    TABLE.put("UNICODE UTF-8", "UTF-8");
    TABLE.put("UNICODE UTF-16", "UTF-16");
    TABLE.put("UNICODE UTF-32", "UTF-32");
  }

  private Hl7Charsets() {}

  /**
   * The Java charset for an MSH-18 value, or empty when the value is blank, unknown, or names a
   * charset this JVM lacks.
   */
  public static Optional<Charset> lookup(String msh18) {
    if (msh18 == null || msh18.isBlank()) {
      return Optional.empty();
    }
    String key = msh18.trim();
    String javaName = TABLE.get(key.toUpperCase(Locale.ROOT));
    try {
      return Optional.of(Charset.forName(javaName != null ? javaName : key));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  /** The MSH-18 value for a Java charset, or empty when table 0211 has none. */
  public static Optional<String> hl7Name(Charset charset) {
    String name = charset.name();
    return TABLE.entrySet().stream()
        .filter(e -> e.getValue().equalsIgnoreCase(name) && !e.getKey().equals("UNICODE"))
        .filter(e -> !e.getKey().equals("ISO IR6"))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
