package dev.hl7ferry.converter.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.converter.route.RouteInput;
import dev.hl7ferry.converter.store.FileSystemTemplateStore;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateSet;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.core.message.Hl7Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The sample store's result route: the demo AI's {@code ai-score} JSON answering the golden ORM^O01
 * renders hospital A's ORU^R01 with the order's own patient id, placer/filler numbers and
 * accession. {@code -Dgolden.update=true} rewrites the expected file.
 */
class ResultTemplateTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Fresh FRESH = new Fresh("20261130080500+0000", "FERRY0002");

  @Test
  void anAiScoreResultBecomesHospitalAsOruWithTheOriginalsNumbers() throws Exception {
    TemplateSet set =
        new TemplateCatalog(new FileSystemTemplateStore(GOLDEN.resolve("store")), Duration.ZERO)
            .current(Instant.EPOCH);
    Hl7Message original =
        Hl7Message.parse(Files.readString(GOLDEN.resolve("cases/ai-order-orm.hl7")));
    Object result =
        new ObjectMapper()
            .readValue(GOLDEN.resolve("results/ai-score.json").toFile(), Object.class);

    Conversion conversion =
        Converter.convert(
            RouteInput.result(original, "hospital-a", "demo-ai", "ai-score"),
            result,
            set.routes(),
            set,
            (r, d) -> FRESH);

    assertEquals(1, conversion.outputs().size());
    Output out = conversion.outputs().get(0);
    assertEquals("hospital-a-lis", out.destination());
    String readable = out.content().replace('\r', '\n');
    Path expected = GOLDEN.resolve("results/ai-score.ai-score-hospital-a.hospital-a-lis.expected");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, readable, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expected), readable);
    for (String own : new String[] {"MRN7781", "PLC1001", "FIL2002", "ACC330044"}) {
      assertTrue(readable.contains(own), own);
    }
  }

  @Test
  void aResultMatchesNoInboundRouteAndAnInboundMessageNoResultRoute() throws Exception {
    TemplateSet set =
        new TemplateCatalog(new FileSystemTemplateStore(GOLDEN.resolve("store")), Duration.ZERO)
            .current(Instant.EPOCH);
    Hl7Message orm = Hl7Message.parse(Files.readString(GOLDEN.resolve("cases/ai-order-orm.hl7")));

    assertEquals(
        "orm-demo-ai", set.routes().select(RouteInput.inbound(orm, "hospital-a")).get(0).name());
    assertTrue(
        set.routes().select(RouteInput.result(orm, "hospital-a", "demo-ai", "other")).isEmpty());
    assertEquals(
        "ai-score-hospital-a",
        set.routes()
            .select(RouteInput.result(orm, "hospital-a", "demo-ai", "ai-score"))
            .get(0)
            .name());
  }
}
