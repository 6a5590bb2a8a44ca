package dev.hl7ferry.converter.destination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
  private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

  private HookReceiver receiver;
  private final WebhookSender sender = new WebhookSender(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void start() throws IOException {
    receiver = new HookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private CloudDestination.Https hook(Duration timeout) {
    return new CloudDestination.Https(
        "vendor-hook",
        receiver.url("/hook"),
        new WebhookKey.FromEnv("FERRY_HOOK_SECRET", SECRET),
        Duration.ofSeconds(2),
        timeout);
  }

  private static Delivery delivery() {
    return new Delivery(
        "d".repeat(64),
        "e1",
        "hospital-a",
        "orm-ai",
        "vendor-hook",
        "application/json",
        "json",
        "{\"study\":\"CTCHEST\"}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPostCarriesTheIdsAndASignatureTheDocumentedRecipeVerifies() throws Exception {
    sender.send(hook(Duration.ofSeconds(5)), delivery());

    HookReceiver.Received r = receiver.received().get(0);
    assertArrayEquals(delivery().body(), r.body());
    assertEquals("d".repeat(64), r.header("Ferry-Delivery-Id"));
    assertEquals("e1", r.header("Ferry-Entry-Id"));
    assertEquals("hospital-a", r.header("Ferry-Site"));
    assertEquals("1796025600", r.header("Ferry-Timestamp"));
    // The recipe of the README, written out independently of WebhookSignature.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    mac.update((r.header("Ferry-Timestamp") + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
    assertEquals(expected, r.header("Ferry-Signature"));
    assertTrue(
        WebhookSignature.verify(
            SECRET, Long.parseLong(r.header("Ferry-Timestamp")), r.body(), expected));
    assertFalse(
        WebhookSignature.verify(
            "other".getBytes(StandardCharsets.UTF_8), 1796025600L, r.body(), expected));
  }

  @Test
  void anAnswerOutside2xxIsAFailureNamingTheStatusOnly() {
    receiver.answer(503);
    IOException e =
        assertThrows(IOException.class, () -> sender.send(hook(Duration.ofSeconds(5)), delivery()));
    assertEquals("webhook vendor-hook answered HTTP 503", e.getMessage());
  }

  @Test
  void aSlowReceiverTimesOut() {
    receiver.delay(1_500);
    IOException e =
        assertThrows(
            IOException.class, () -> sender.send(hook(Duration.ofMillis(200)), delivery()));
    assertEquals("webhook vendor-hook timed out", e.getMessage());
  }

  @Test
  void aKeyBySecretArnIsReadOnceThroughTheSecretSourceAndSignsEveryPost() throws Exception {
    String arn = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:hook-AbCdEf";
    List<String> reads = new ArrayList<>();
    WebhookSender bySecret =
        new WebhookSender(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new CachedSecrets(
                a -> {
                  reads.add(a);
                  return SECRET.clone();
                }));
    CloudDestination.Https hook =
        new CloudDestination.Https(
            "vendor-hook",
            receiver.url("/hook"),
            new WebhookKey.FromSecret(arn),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    bySecret.send(hook, delivery());
    bySecret.send(hook, delivery());

    assertEquals(List.of(arn), reads, "one read per instance");
    for (HookReceiver.Received r : receiver.received()) {
      assertTrue(
          WebhookSignature.verify(
              SECRET,
              Long.parseLong(r.header("Ferry-Timestamp")),
              r.body(),
              r.header("Ferry-Signature")));
    }
    assertEquals(2, receiver.received().size());
    assertFalse(hook.toString().contains("s3cret"));
  }

  @Test
  void anUnreadableKeyFailsThePostBeforeAnythingIsSent() {
    CloudDestination.Https hook =
        new CloudDestination.Https(
            "vendor-hook",
            receiver.url("/hook"),
            new WebhookKey.FromSecret(
                "arn:aws:secretsmanager:eu-central-1:111122223333:secret:hook-AbCdEf"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    IOException e = assertThrows(IOException.class, () -> sender.send(hook, delivery()));
    assertEquals("webhook vendor-hook: key not readable", e.getMessage());
    assertTrue(receiver.received().isEmpty());
  }
}
