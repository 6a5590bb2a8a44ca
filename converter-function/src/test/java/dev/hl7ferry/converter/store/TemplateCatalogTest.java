package dev.hl7ferry.converter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.converter.template.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {
  private static final String ROUTES =
      "routes:\n  - name: a\n    template: good.liquid\n    destinations: [d]\n";

  /** An in-memory store counting reads, ETag = content hash. */
  static final class MemoryStore implements TemplateStore {
    final Map<String, String> files = new TreeMap<>();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public Map<String, String> list() {
      Map<String, String> out = new TreeMap<>();
      files.forEach((k, v) -> out.put(k, Integer.toHexString(v.hashCode())));
      return out;
    }

    @Override
    public byte[] read(String name) throws IOException {
      reads.incrementAndGet();
      String text = files.get(name);
      if (text == null) {
        throw new IOException("no " + name);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
      return "memory";
    }
  }

  @Test
  void refreshesOnlyAfterTheTtlAndRereadsOnlyChangedFiles() throws Exception {
    MemoryStore store = new MemoryStore();
    store.files.put(TemplateSet.ROUTES, ROUTES);
    store.files.put("good.liquid", "v1");
    TemplateCatalog catalog = new TemplateCatalog(store, Duration.ofSeconds(60));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    TemplateSet first = catalog.current(t0);
    assertEquals(2, store.reads.get());

    store.files.put("good.liquid", "v2");
    assertSame(first, catalog.current(t0.plusSeconds(59)));
    TemplateSet second = catalog.current(t0.plusSeconds(60));
    assertEquals(3, store.reads.get(), "only the changed file is read again");
    assertTrue(second != first);
    assertSame(second, catalog.current(t0.plusSeconds(200)), "unchanged ETags keep the set");
  }

  @Test
  void aBrokenTemplateFailsOnlyItsOwnUsers() throws Exception {
    MemoryStore store = new MemoryStore();
    store.files.put(TemplateSet.ROUTES, ROUTES);
    store.files.put("good.liquid", "ok");
    store.files.put("broken.liquid", "line one\n{% if %}\n");
    TemplateSet set = new TemplateCatalog(store, Duration.ZERO).current(Instant.EPOCH);
    assertEquals("good.liquid", set.template("good.liquid").name());
    TemplateException e =
        assertThrows(TemplateException.class, () -> set.template("broken.liquid"));
    assertEquals("broken.liquid", e.template());
    assertEquals(2, e.line(), e.getMessage());
    assertEquals("good.liquid", set.template("good.liquid").name());
  }
}
