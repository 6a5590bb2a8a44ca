package dev.hl7ferry.converter.original;

import dev.hl7ferry.contract.result.Correlation;
import java.io.IOException;
import java.util.Optional;

/**
 * Where originals are kept for the results that answer them. Both lookups are one read by a key
 * derived from the correlation (the MSH form reads the index object first: two reads), never a
 * listing or a search.
 */
public interface Originals {

  /**
   * Keeps {@code original} for {@code site}: the payload under its entry id and the index from its
   * MSH-3/4/10 to that id. Called before the message goes to any cloud destination, so a vendor
   * never answers an id that cannot be found.
   */
  void put(String site, Original original) throws IOException;

  /** The original {@code correlation} names at {@code site}, or empty when there is none. */
  Optional<Original> find(String site, Correlation correlation) throws IOException;
}
