package dev.hl7ferry.converter.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.message.Hl7Message;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The limits a template cannot pass (iterations, output size, stack) and the failures that must not
 * quote the message: each ends in a {@link TemplateException} naming a position and a code.
 */
class RenderLimitsTest {
  private static final String BIRTH_DATE = "19801231X";
  private static final Map<String, String> FILES =
      Map.of("site/loop.liquid", "{% include 'loop' %}");
  private final TemplateCompiler compiler =
      new TemplateCompiler(name -> Optional.ofNullable(FILES.get(name)));

  private TemplateException failure(String name, String text) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThrows(
                TemplateException.class,
                () ->
                    compiler
                        .compile(name, text)
                        .render(
                            new RenderInput(
                                Hl7Message.parse(
                                    "MSH|^~\\&|A|B|C|D|20260101||ADT^A01|C1|P|2.5\r"
                                        + "PID|1||77821||SMITH^JO||"
                                        + BIRTH_DATE
                                        + "\r"),
                                new Fresh("T", "F")))));
  }

  @Test
  void theIterationCapOfOneMillionApplies() {
    TemplateException e = failure("site/t.hl7.liquid", "{% for i in (1..1000001) %}{% endfor %}");
    assertEquals("iteration limit exceeded (1000000)", e.reason());
  }

  @Test
  void aLoopJustUnderTheIterationCapRenders() throws Exception {
    String out =
        compiler
            .compile("site/t.json.liquid", "{% for i in (1..999000) %}{% endfor %}1")
            .render(
                new RenderInput(
                    Hl7Message.parse("MSH|^~\\&|A|B|C|D|1||ADT^A01|C1|P|2.5\r"),
                    new Fresh("T", "F")));
    assertEquals("1", out);
  }

  @Test
  void theSixteenMebibyteOutputCapApplies() {
    TemplateException e =
        failure(
            "site/t.json.liquid",
            "{% assign s = '"
                + "x".repeat(1000)
                + "' %}{% for i in (1..17000) %}{{ s }}{% endfor %}");
    assertEquals("output size limit exceeded (16777216 chars)", e.reason());
  }

  @Test
  void anIncludeCycleFailsTheRenderWithAStackOverflowCode() {
    TemplateException e = failure("site/t.hl7.liquid", "{% include 'loop' %}");
    assertEquals("stack overflow (includes or nesting too deep)", e.reason());
    assertTrue(e.getCause() instanceof StackOverflowError);
  }

  @Test
  void aFailingDateFilterNamesFilterAndPositionButNotTheDate() {
    String[] templates = {
      "MSH|x\nPID|{{ msg[\"PID-7\"] | hl7_date: 'yyyy-MM-dd' }}",
      "MSH|x\nPID|{{ msg[\"PID-7\"] | to_hl7_date: 'dd.MM.yyyy' }}",
      "MSH|x\nPID|{{ '2026' | hl7_date: 'yyyy', msg[\"PID-7\"] }}",
      "MSH|x\nPID|{{ msg[\"PID-7\"] | to_hl7_date: msg[\"PID-7\"] }}",
    };
    for (String t : templates) {
      TemplateException e = failure("site/t.hl7.liquid", t);
      assertFalse(e.getMessage().contains(BIRTH_DATE), e.getMessage());
      assertFalse(e.getMessage().contains("1980"), e.getMessage());
      assertEquals(2, e.line(), e.getMessage());
      assertTrue(e.reason().contains("hl7_date"), e.getMessage());
      assertTrue(e.reason().contains("(index "), e.getMessage());
    }
  }

  @Test
  void anUnknownFailureIsReportedByItsClassAndPositionOnly() {
    TemplateException e =
        RenderFailures.of(
            "site/t.hl7.liquid",
            new RuntimeException(
                "error on line 4, index 2: For input string: \"SMITH\"",
                new NumberFormatException("For input string: \"SMITH\"")));
    assertEquals(4, e.line());
    assertEquals("render failed (NumberFormatException) (index 2)", e.reason());
    assertFalse(e.getMessage().contains("SMITH"), e.getMessage());
  }
}
