package dev.hl7ferry.converter.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code cases/NAME.hl7} is converted with the routes and templates in {@code
 * golden/store}; each output must equal {@code cases/NAME.ROUTE.DESTINATION.expected} (HL7 written
 * there with LF line ends for readability; the output itself must use CR only). Run with {@code
 * -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Fresh FRESH = new Fresh("20260102030405+0000", "FERRY0001");

  static Stream<String> cases() throws Exception {
    try (Stream<Path> files = Files.list(GOLDEN.resolve("cases"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".hl7"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyOutputMatchesItsGoldenFile(String name) throws Exception {
    TemplateSet set =
        new TemplateCatalog(new FileSystemTemplateStore(GOLDEN.resolve("store")), Duration.ZERO)
            .current(Instant.EPOCH);
    String input = Files.readString(GOLDEN.resolve("cases/" + name + ".hl7"));
    Conversion conversion =
        Converter.convert(Hl7Message.parse(input), set.routes(), set, (r, d) -> FRESH);
    assertFalse(conversion.unmatched(), name + " matched no route");
    List<String> expectedFiles;
    try (Stream<Path> files = Files.list(GOLDEN.resolve("cases"))) {
      expectedFiles =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith(name + ".") && n.endsWith(".expected"))
              .sorted()
              .toList();
    }
    boolean update = Boolean.getBoolean("golden.update");
    if (!update) {
      assertEquals(expectedFiles.size(), conversion.outputs().size(), "outputs of " + name);
    }
    for (Output out : conversion.outputs()) {
      Path expected =
          GOLDEN.resolve(
              "cases/" + name + "." + out.route() + "." + out.destination() + ".expected");
      assertFalse(out.content().contains("\n") && out.format().name().equals("HL7"), "LF in HL7");
      String readable = out.content().replace('\r', '\n');
      if (update) {
        Files.writeString(expected, readable, StandardCharsets.UTF_8);
      } else {
        assertEquals(Files.readString(expected), readable, expected.toString());
      }
    }
  }
}
