package dev.hl7ferry.core.ack;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New message control ids for generated messages (MSH-10). Unique across restarts and instances: a
 * random prefix drawn when the generator is made, then a counter; at most 20 characters, the length
 * limit of MSH-10 before v2.7.
 */
public final class ControlIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  /** A generator with a random 8-character prefix. */
  public ControlIds() {
    this(randomPrefix());
  }

  /** A generator with a fixed prefix (tests). */
  public ControlIds(String prefix) {
    if (prefix.length() > 10) {
      throw new IllegalArgumentException("control id prefix longer than 10 characters");
    }
    this.prefix = prefix;
  }

  private static String randomPrefix() {
    SecureRandom random = new SecureRandom();
    char[] out = new char[8];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }

  /** The next id, e.g. {@code K3F9Q2ZA1}. */
  public String next() {
    return prefix + Long.toString(counter.incrementAndGet(), 36).toUpperCase(java.util.Locale.ROOT);
  }
}
