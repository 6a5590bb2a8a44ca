package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import dev.hl7ferry.infra.local.LocalCloudExtension;
import dev.hl7ferry.infra.local.aws.LocalClients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * What the in-process ElasticMQ accepts: inline envelopes of exactly 64 KiB and exactly 1 MiB go
 * through {@link SqsOutboundQueues} and read back byte for byte; one byte over 1 MiB is refused, as
 * SQS refuses it.
 */
class SqsBodyLimitTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD =
      new LocalCloudExtension(LocalCloudConfig.defaults().withSites(List.of("limits")));

  private static SqsClient sqs;

  @BeforeAll
  static void setUp() {
    sqs = LocalClients.sqs(CLOUD.cloud());
  }

  @AfterAll
  static void tearDown() {
    sqs.close();
  }

  private static OutboundEnvelope claimCheck(byte[] output, String template) {
    return new OutboundEnvelope(
        OutboundEnvelope.VERSION,
        "limit",
        "limits",
        "r",
        "d",
        template,
        "b",
        "k",
        PayloadDigest.sha256Hex(output),
        output.length,
        "application/hl7-v2");
  }

  /** An inline envelope whose body is exactly {@code bytes} long (the template name pads it). */
  static String bodyOfExactly(int bytes) {
    long base =
        EnvelopeJson.byteLength(claimCheck(new byte[0], "t").withInlinePayload(new byte[0]));
    byte[] output = new byte[(int) ((bytes - base) / 4 - 2) * 3];
    new Random(bytes).nextBytes(output);
    long unpadded = EnvelopeJson.byteLength(claimCheck(output, "t").withInlinePayload(output));
    OutboundEnvelope claim = claimCheck(output, "t" + "x".repeat((int) (bytes - unpadded)));
    OutboundEnvelope inline = new InlinePolicy(bytes).choose(claim, output);
    assertTrue(inline.inline());
    String body = EnvelopeJson.write(inline);
    assertEquals(bytes, body.getBytes(StandardCharsets.UTF_8).length);
    return body;
  }

  private static Message receiveOne() {
    String url = CLOUD.cloud().outboundQueueUrl("limits");
    List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages();
    assertEquals(1, got.size());
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(got.get(0).receiptHandle()));
    return got.get(0);
  }

  private static void roundTrip(int bytes) throws Exception {
    String body = bodyOfExactly(bytes);
    new SqsOutboundQueues(sqs, "hl7-ferry-outbound-{site}.fifo")
        .send("limits", "d", body, "dedup-" + bytes);
    String received = receiveOne().body();
    assertEquals(body, received);
    OutboundEnvelope read = EnvelopeJson.readOutbound(received);
    read.verify(read.payload());
    assertArrayEquals(EnvelopeJson.readOutbound(body).payload(), read.payload());
  }

  @Test
  void aBodyOfExactlyOneBillingChunkGoesThroughAndReadsBack() throws Exception {
    roundTrip(InlinePolicy.DEFAULT_MAX_BYTES);
  }

  @Test
  void aBodyOfExactlyOneMebibyteGoesThroughAndReadsBack() throws Exception {
    roundTrip(InlinePolicy.SQS_MAX_BYTES);
  }

  @Test
  void oneByteOverOneMebibyteIsRefused() {
    String url = CLOUD.cloud().outboundQueueUrl("limits");
    String body = "x".repeat(InlinePolicy.SQS_MAX_BYTES + 1);
    SqsException e =
        assertThrows(
            SqsException.class,
            () ->
                sqs.sendMessage(
                    b ->
                        b.queueUrl(url)
                            .messageBody(body)
                            .messageGroupId("d")
                            .messageDeduplicationId("over")));
    // ElasticMQ 1.7.1 answers 400 InvalidAttributeValue "MessageTooLong" (AWS:
    // InvalidParameterValue)
    assertEquals(400, e.statusCode());
    assertTrue(e.getMessage().startsWith("MessageTooLong"), e.getMessage());
  }

  /**
   * A gap to know: ElasticMQ counts characters, SQS counts UTF-8 bytes. 600,000 two-byte characters
   * (1.2 MB) pass here and would be refused by SQS, so local tests cannot catch a body that is too
   * long in bytes; {@link InlinePolicy} therefore measures UTF-8 bytes itself.
   */
  @Test
  void elasticMqCountsCharactersSoAMultiByteBodyOverOneMebibytePassesLocally() {
    String url = CLOUD.cloud().outboundQueueUrl("limits");
    String body = "\u00fc".repeat(600_000);
    sqs.sendMessage(
        b ->
            b.queueUrl(url).messageBody(body).messageGroupId("d").messageDeduplicationId("umlaut"));
    assertEquals(body, receiveOne().body());
  }
}
