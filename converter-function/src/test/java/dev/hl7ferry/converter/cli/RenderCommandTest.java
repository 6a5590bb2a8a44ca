package dev.hl7ferry.converter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {
  private static final String G = "src/test/resources/golden/";

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new FerryConvert()).execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void rendersATemplateAgainstAMessageFile() {
    Run r =
        run(
            "render",
            "--template",
            G + "store/legacy/adt.tpl",
            "--message",
            G + "cases/legacy-adt.hl7");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("MSH|^~\\&|BROKER|HOSPB|REGSYS|"), r.out());
  }

  @Test
  void routesFirstWhenGivenARoutesFile() {
    Run r =
        run(
            "render",
            "--template",
            G + "store/json/oru.json.liquid",
            "--message",
            G + "cases/vendor-oru.hl7",
            "--routes",
            G + "store/routes.yaml");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("# route oru-analytics -> analytics"), r.out());
  }

  @Test
  void printsTheErrorWithTemplateAndLine(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("bad.hl7.liquid");
    Files.writeString(t, "MSH|^~\\&|A\n{% if msg.PID %}\nPID|1\n");
    Run r = run("render", "--template", t.toString(), "--message", G + "cases/legacy-adt.hl7");
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: template bad.hl7.liquid line "), r.err());
  }
}
