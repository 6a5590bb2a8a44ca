package dev.hl7ferry.converter.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookupTableTest {

  private static Map<String, String> csv(String text) throws IOException {
    return LookupTable.parse("codes.csv", text).entries();
  }

  @Test
  void csvSkipsTheHeaderCommentsAndBlankLinesAndTrimsUnquotedValues() throws IOException {
    assertEquals(
        Map.of("WBC", "6690-2", "HGB", "718-7"),
        csv("# vendor -> LOINC\nvendor,loinc\n\n   \n WBC , 6690-2 \r\n# a comment\nHGB,718-7"));
  }

  @Test
  void csvQuotedValuesKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
    assertEquals(
        Map.of("a,b", "say \"hi\"", "multi", "line 1\nline 2", "#not-a-comment", "x"),
        csv(
            "from,to\n\"a,b\",\"say \"\"hi\"\"\"\nmulti,\"line 1\nline 2\"\n"
                + "\"#not-a-comment\",x\n"));
  }

  @Test
  void csvRowWithoutExactlyTwoValuesIsRefusedWithItsLine() {
    IOException e = assertThrows(IOException.class, () -> csv("from,to\nA,B\nC\n"));
    assertEquals(
        "table codes.csv line 3: expected from,to but found 1 values (quote a value that holds a"
            + " comma)",
        e.getMessage());
    assertEquals(
        "table codes.csv line 2: expected from,to but found 3 values (quote a value that holds a"
            + " comma)",
        assertThrows(IOException.class, () -> csv("from,to\nA,B,C\n")).getMessage());
  }

  @Test
  void csvUnterminatedQuoteIsRefused() {
    IOException e = assertThrows(IOException.class, () -> csv("from,to\n\"A,B\n"));
    assertTrue(e.getMessage().startsWith("table codes.csv: not valid CSV: "));
  }

  @Test
  void yamlIsOneFlatMap() throws IOException {
    assertEquals(
        Map.of("mmol/L", "mmol/l", "10*3/uL", "K/uL"),
        LookupTable.parse("units.yaml", "mmol/L: mmol/l\n10*3/uL: K/uL\n").entries());
    assertThrows(IOException.class, () -> LookupTable.parse("units.yaml", "a: {b: c}\n"));
  }
}
