package dev.hl7ferry.converter.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.result.Correlation;
import org.junit.jupiter.api.Test;

class CorrelationTextTest {

  @Test
  void textWithoutAPipeIsAnEntryId() {
    assertEquals(
        Correlation.ofEntryId("0000000000000042-e2e"),
        CorrelationText.parse("0000000000000042-e2e"));
  }

  @Test
  void threePipeSeparatedPartsAreMsh3Msh4AndMsh10() {
    assertEquals(
        Correlation.ofMessage("RIS", "HOSPA", "ORM00001"),
        CorrelationText.parse("RIS|HOSPA|ORM00001"));
  }

  @Test
  void emptySendingApplicationAndFacilityAreKeptAsSent() {
    assertEquals(Correlation.ofMessage("", "", "ORM00001"), CorrelationText.parse("||ORM00001"));
  }

  @Test
  void twoPartsOrAnEmptyControlIdAreRefusedNamingTheForm() {
    for (String bad : new String[] {"RIS|ORM00001", "RIS|HOSPA|", "A|B|C|D", " "}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CorrelationText.parse(bad));
      assertTrue(e.getMessage().contains("APP|FACILITY|CONTROLID"), e.getMessage());
    }
  }
}
