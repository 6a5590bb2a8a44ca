package dev.hl7ferry.converter.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResultQueueNameTest {

  @Test
  void theVendorIsTheSuffixOfTheResultsQueuesName() {
    assertEquals("hl7-ferry-results-demo-ai", ResultSubmitter.queueName("demo-ai"));
    assertEquals(
        "demo-ai",
        ResultSubmitter.vendorOf(
            "https://sqs.eu-central-1.amazonaws.com/123456789012/hl7-ferry-results-demo-ai"));
    assertEquals("demo-ai", ResultSubmitter.vendorOf("hl7-ferry-results-demo-ai"));
  }

  @Test
  void aQueueNotNamedLikeAResultsQueueHasNoVendor() {
    assertNull(
        ResultSubmitter.vendorOf("http://127.0.0.1:9324/000000000000/hl7-ferry-inbound.fifo"));
    assertNull(ResultSubmitter.vendorOf("hl7-ferry-results-"));
  }
}
