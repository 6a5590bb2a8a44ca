package dev.hl7ferry.converter.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.store.FileSystemTemplateStore;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateSet;
import dev.hl7ferry.converter.template.CompiledTemplate;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.converter.template.RenderInput;
import dev.hl7ferry.converter.template.TemplateException;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.fuzz.Fuzz;
import dev.hl7ferry.core.message.Hl7Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile messages (any segments, any field text: delimiters, escapes, non-ASCII, bad dates)
 * through the sample templates and their routes: the only failure is a {@link TemplateException},
 * it never quotes a field value, and no render hangs.
 */
class HostileMessagePropertyTest {
  /** Put into fields: must never appear in a failure's text. */
  private static final String MARKER = "QZPHI";

  private static final List<String> TEMPLATES =
      List.of("hospital-a/oru.hl7.liquid", "json/oru.json.liquid", "legacy/adt.tpl");
  private static TemplateSet set;
  private static RouteTable routes;

  @BeforeAll
  static void loadTheSampleStore() throws Exception {
    set =
        new TemplateCatalog(
                new FileSystemTemplateStore(Path.of("src/test/resources/golden/store")),
                Duration.ofHours(1))
            .current(Instant.parse("2026-01-01T00:00:00Z"));
    routes = set.routes();
  }

  private static String fieldText(Fuzz fuzz) {
    return switch (fuzz.between(0, 3)) {
      case 0 -> fuzz.string("^~&\\XE.brFS0123456789ABCDEF+- :\u00e9\u20ac\u0000\u001b", 30);
      case 1 -> fuzz.string(30, c -> c != '|' && c != '\r' && c != '\n');
      case 2 ->
          fuzz.oneOf(
              "", "\"\"", "19801231", "1980123", "20261399", "2026-01-01", "99999999999999+9999");
      default -> fuzz.string("A^~&", 200, 2000);
    };
  }

  private static String segment(Fuzz fuzz) {
    String name = fuzz.oneOf("PID", "OBR", "OBX", "NTE", "PV1", "EVN", "ZZZ", "MSH");
    List<String> f = fuzz.list(25, () -> fuzz.bool() ? fieldText(fuzz) : fieldText(fuzz) + MARKER);
    return name + (f.isEmpty() ? "" : "|" + String.join("|", f));
  }

  static String message(Fuzz fuzz) {
    String t = fuzz.oneOf("ORU^R01", "ADT^A01", "ORU", "^R01", "ORU^R01^X^Y");
    String f = fuzz.oneOf("VENDLAB", "VENDLAB^1.2.3^ISO", "");
    String v = fuzz.oneOf("2.5.1", "2.3", "", "x");
    List<String> segments = fuzz.list(12, () -> segment(fuzz));
    return "MSH|^~\\&|VENDLAB|"
        + f
        + "|HIS|HOSPA|20260101||"
        + t
        + "|C"
        + MARKER
        + "|P|"
        + v
        + "\r"
        + String.join("\r", segments)
        + "\r";
  }

  @Test
  void hostileMessagesFailOnlyWithATemplateExceptionThatQuotesNoValue() {
    Fuzz.forAll(
        fuzz -> {
          String text = message(fuzz);
          assertTimeoutPreemptively(Duration.ofSeconds(10), () -> renderAll(text));
        });
  }

  /**
   * Found by the property above (when it ran on jqwik: seed -9037397523200055632, shrunk) before
   * failures were named by position and code: a birth date that is no date reached the error text
   * through hl7_date.
   */
  @Test
  void aBirthDateThatIsNoDateIsNotQuotedByTheDateFilterFailure() throws Exception {
    Hl7Message message =
        Hl7Message.parse(
            "MSH|^~\\&|VENDLAB|VENDLAB|HIS|HOSPA|20260101||ORU^R01|CQZPHI|P|2.5.1\r"
                + "PID|||||||QZPHI\r");
    TemplateException e =
        assertThrows(
            TemplateException.class,
            () ->
                set.template("json/oru.json.liquid")
                    .render(new RenderInput(message, new Fresh("T", "F"))));
    assertFalse(e.getMessage().contains(MARKER), e.getMessage());
    assertTrue(e.reason().startsWith("hl7_date: "), e.reason());
  }

  private static void renderAll(String text) throws Exception {
    Hl7Message message;
    try {
      message = Hl7Message.parse(text);
    } catch (Hl7ParseException e) {
      return;
    }
    for (String name : TEMPLATES) {
      CompiledTemplate template = set.template(name);
      try {
        OutputCheck.check(template, template.render(new RenderInput(message, new Fresh("T", "F"))));
      } catch (TemplateException e) {
        assertFalse(e.getMessage().contains(MARKER), e.getMessage());
      }
    }
    try {
      Converter.convert(message, routes, set, (route, destination) -> new Fresh("T", "F"));
    } catch (TemplateException e) {
      assertFalse(e.getMessage().contains(MARKER), e.getMessage());
    }
  }
}
