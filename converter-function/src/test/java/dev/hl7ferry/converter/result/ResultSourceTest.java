package dev.hl7ferry.converter.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResultSourceTest {

  @Test
  void theDefaultPatternKeepsTheFixedPrefix() {
    assertEquals("acme-ai", ResultSource.DEFAULT.vendor("hl7-ferry-results-acme-ai"));
    assertNull(ResultSource.DEFAULT.vendor("hl7-ferry-inbound.fifo"));
    assertNull(ResultSource.DEFAULT.vendor("hl7-ferry-results-"));
  }

  @Test
  void aStackWithAnotherNamePrefixIsRecognisedByItsPattern() {
    ResultSource prod = ResultSource.of("ferry-prod-results-{vendor}");

    assertEquals("acme-ai", prod.vendor("ferry-prod-results-acme-ai"));
    assertEquals("ferry-prod-results-acme-ai", prod.queueOf("acme-ai"));
    assertNull(prod.vendor("hl7-ferry-results-acme-ai"), "another stack's queue");
    assertNull(prod.vendor("ferry-prod-inbound.fifo"));
    assertNull(ResultSource.DEFAULT.vendor("ferry-prod-results-acme-ai"));
  }

  @Test
  void aSuffixAfterTheVendorIsMatchedToo() {
    ResultSource fifo = ResultSource.of("x-{vendor}-results");
    assertEquals("acme", fifo.vendor("x-acme-results"));
    assertNull(fifo.vendor("x-acme-results-dlq"));
    assertNull(fifo.vendor("x--results"));
    assertNull(fifo.vendor("x-a/b-results"), "not a vendor name");
  }

  @Test
  void aPatternNeedsVendorExactlyOnce() {
    assertThrows(IllegalArgumentException.class, () -> ResultSource.of("hl7-ferry-results"));
    assertThrows(IllegalArgumentException.class, () -> ResultSource.of("{vendor}-{vendor}"));
  }

  @Test
  void theQueueNameIsTheLastPartOfTheArn() {
    assertEquals(
        "ferry-prod-results-acme",
        ResultSource.queueName("arn:aws:sqs:eu-central-1:111122223333:ferry-prod-results-acme"));
    assertEquals("", ResultSource.queueName(null));
  }
}
