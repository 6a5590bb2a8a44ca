package dev.hl7ferry.converter.destination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedSecretsTest {
  private static final String A =
      "arn:aws:secretsmanager:eu-central-1:111122223333:secret:a-AbCdEf";
  private static final String B =
      "arn:aws:secretsmanager:eu-central-1:111122223333:secret:b-AbCdEf";

  @Test
  void eachSecretIsFetchedAtItsFirstUseOnly() throws Exception {
    List<String> reads = new ArrayList<>();
    CachedSecrets secrets =
        new CachedSecrets(
            arn -> {
              reads.add(arn);
              return ("key of " + arn).getBytes(StandardCharsets.UTF_8);
            });

    assertEquals(List.of(), reads, "nothing is fetched before the first use");
    byte[] first = secrets.read(A);
    assertSame(first, secrets.read(A));
    assertArrayEquals(("key of " + B).getBytes(StandardCharsets.UTF_8), secrets.read(B));
    assertEquals(List.of(A, B), reads);
  }

  @Test
  void aFailedReadIsNotKeptSoTheNextUseAsksAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CachedSecrets secrets =
        new CachedSecrets(
            arn -> {
              if (calls.incrementAndGet() == 1) {
                throw new IOException("secret " + arn + " not readable (ThrottlingException)");
              }
              return new byte[] {1, 2, 3};
            });

    assertThrows(IOException.class, () -> secrets.read(A));
    assertArrayEquals(new byte[] {1, 2, 3}, secrets.read(A));
    secrets.read(A);
    assertEquals(2, calls.get());
  }

  @Test
  void anEmptySecretIsRefusedNamingTheArn() {
    CachedSecrets secrets = new CachedSecrets(arn -> new byte[0]);
    assertEquals(
        "secret " + A + " is empty",
        assertThrows(IOException.class, () -> secrets.read(A)).getMessage());
  }

  @Test
  void concurrentFirstUsesMakeOneFetch() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    CachedSecrets secrets =
        new CachedSecrets(
            arn -> {
              calls.incrementAndGet();
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new byte[] {7};
            });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(
            pool.submit(
                () -> {
                  start.await();
                  return secrets.read(A);
                }));
      }
      start.countDown();
      for (Future<byte[]> f : all) {
        assertArrayEquals(new byte[] {7}, f.get(5, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, calls.get());
  }
}
