package dev.hl7ferry.core.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * Seeded random inputs for property tests: {@link #forAll} runs a body {@link #TRIES} times, each
 * try drawing from its own {@link SplittableRandom}, and a failure names the try's seed.
 *
 * <p>Try 0 uses the base seed ({@code -Dfuzz.seed}, fixed by default), later tries seeds drawn from
 * it, so {@code -Dfuzz.seed=S -Dfuzz.tries=1} replays the try that failed with seed S. Lengths lean
 * towards the edges (empty, one, the maximum) the way failures do.
 */
public final class Fuzz {
  /** Tries per property: {@code -Dfuzz.tries}, 200 by default ({@code scripts/fuzz} runs more). */
  public static final int TRIES = Integer.getInteger("fuzz.tries", 200);

  /** The base seed: {@code -Dfuzz.seed}, fixed by default so every build draws the same inputs. */
  public static final long BASE_SEED = Long.getLong("fuzz.seed", 0x4C37_F3A7_2026_1130L);

  private final SplittableRandom random;

  private Fuzz(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** One try of a property, drawing its inputs from {@code fuzz}. */
  @FunctionalInterface
  public interface Try {
    /** Checks the property for one draw; throws (usually an assertion error) when it fails. */
    void run(Fuzz fuzz) throws Throwable;
  }

  /**
   * Runs {@code body} {@link #TRIES} times; a failure is rethrown with its seed and replay flags.
   */
  public static void forAll(Try body) {
    SplittableRandom seeds = new SplittableRandom(BASE_SEED);
    for (int i = 0; i < TRIES; i++) {
      long seed = i == 0 ? BASE_SEED : seeds.nextLong();
      try {
        body.run(new Fuzz(seed));
      } catch (Throwable t) {
        throw new AssertionError(
            "try "
                + (i + 1)
                + " of "
                + TRIES
                + " failed with seed "
                + seed
                + " (replay: -Dfuzz.seed="
                + seed
                + " -Dfuzz.tries=1): "
                + t,
            t);
      }
    }
  }

  /** A number from {@code min} to {@code max}, both included; the ends come up more often. */
  public int between(int min, int max) {
    int pick = random.nextInt(16);
    if (pick == 0) {
      return min;
    }
    if (pick == 1) {
      return max;
    }
    return min + (int) random.nextLong((long) max - min + 1);
  }

  /** A length up to {@code max}: empty, one and {@code max} often, otherwise any. */
  public int length(int max) {
    return between(0, max);
  }

  /** True or false. */
  public boolean bool() {
    return random.nextBoolean();
  }

  /** Any long. */
  public long anyLong() {
    return random.nextLong();
  }

  /** One of {@code values}. */
  @SafeVarargs
  public final <T> T oneOf(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** One of {@code values}. */
  public <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Up to {@code max} elements from {@code element}. */
  public <T> List<T> list(int max, Supplier<T> element) {
    int n = length(max);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }

  /**
   * Any char but a surrogate: printable ASCII, control characters, Latin-1, any other BMP char.
   * Lone surrogates are not text (UTF-8 cannot carry them); a test wanting them names them.
   */
  public char anyChar() {
    char c =
        switch (random.nextInt(4)) {
          case 0 -> (char) (' ' + random.nextInt(95));
          case 1 -> (char) random.nextInt(0x20);
          case 2 -> (char) random.nextInt(0x100);
          default -> (char) random.nextInt(Character.MAX_VALUE + 1);
        };
    return Character.isSurrogate(c) ? '\uFFFD' : c;
  }

  /**
   * Any text of up to {@code max} chars, well-formed UTF-16, sometimes with a supplementary char.
   */
  public String string(int max) {
    int n = length(max);
    StringBuilder out = new StringBuilder(n);
    while (out.length() < n) {
      if (n - out.length() >= 2 && random.nextInt(16) == 0) {
        out.appendCodePoint(0x10000 + random.nextInt(0x100000));
      } else {
        out.append(anyChar());
      }
    }
    return out.toString();
  }

  /** Text of up to {@code max} chars from {@code alphabet}. */
  public String string(String alphabet, int max) {
    return string(alphabet, 0, max);
  }

  /** Text of {@code min} to {@code max} chars from {@code alphabet}. */
  public String string(String alphabet, int min, int max) {
    int n = between(min, max);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Any text of up to {@code max} chars that {@code keep} accepts char by char. */
  public String string(int max, IntPredicate keep) {
    int n = length(max);
    StringBuilder out = new StringBuilder(n);
    while (out.length() < n) {
      char c = anyChar();
      if (keep.test(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Any bytes, up to {@code max} of them. */
  public byte[] bytes(int max) {
    byte[] out = new byte[length(max)];
    random.nextBytes(out);
    return out;
  }

  /** Up to {@code max} bytes that {@code keep} accepts (given as unsigned values 0-255). */
  public byte[] bytes(int max, IntPredicate keep) {
    byte[] out = new byte[length(max)];
    for (int i = 0; i < out.length; ) {
      int b = random.nextInt(256);
      if (keep.test(b)) {
        out[i++] = (byte) b;
      }
    }
    return out;
  }

  /** Up to {@code max} bytes from {@code pool}. */
  public byte[] bytesOf(byte[] pool, int max) {
    byte[] out = new byte[length(max)];
    for (int i = 0; i < out.length; i++) {
      out[i] = pool[random.nextInt(pool.length)];
    }
    return out;
  }
}
