package dev.hl7ferry.converter.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link TemplateSet}: loads the store on first use and, once {@code ttl} has
 * passed, lists it again and re-reads only files whose ETag changed. A failed refresh keeps the
 * previous set (and tries again after the TTL); a failed first load is an error.
 */
public final class TemplateCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalog.class);

  private final TemplateStore store;
  private final Duration ttl;
  private TemplateSet current;
  private Instant checkedAt;

  public TemplateCatalog(TemplateStore store, Duration ttl) {
    this.store = store;
    this.ttl = ttl;
  }

  /** The set to use at {@code now}, refreshed first when the TTL has passed. */
  public synchronized TemplateSet current(Instant now) throws IOException {
    if (current == null) {
      current = load(Map.of(), Map.of());
      checkedAt = now;
      LOG.info("loaded template store {}: {} files", store.describe(), current.etags().size());
    } else if (!now.isBefore(checkedAt.plus(ttl))) {
      checkedAt = now;
      try {
        TemplateSet next = load(current.etags(), current.texts());
        if (next != current) {
          LOG.info("template store {} changed: {} files", store.describe(), next.etags().size());
          current = next;
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn(
            "template store {} refresh failed, keeping the loaded version", store.describe(), e);
      }
    }
    return current;
  }

  private TemplateSet load(Map<String, String> oldEtags, Map<String, String> oldTexts)
      throws IOException {
    Map<String, String> etags = store.list();
    if (current != null && etags.equals(oldEtags)) {
      return current;
    }
    Map<String, String> texts = new HashMap<>();
    for (Map.Entry<String, String> e : etags.entrySet()) {
      String name = e.getKey();
      if (e.getValue().equals(oldEtags.get(name)) && oldTexts.containsKey(name)) {
        texts.put(name, oldTexts.get(name));
      } else {
        texts.put(name, new String(store.read(name), StandardCharsets.UTF_8));
      }
    }
    return new TemplateSet(texts, etags);
  }
}
