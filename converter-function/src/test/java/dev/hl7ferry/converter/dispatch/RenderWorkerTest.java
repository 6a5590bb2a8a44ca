package dev.hl7ferry.converter.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RenderWorkerTest {
  private final RenderWorker worker = new RenderWorker(Duration.ofMillis(200));

  @Test
  void returnsWhatTheWorkReturned() throws Exception {
    assertEquals("done", worker.call(() -> "done"));
  }

  @Test
  void anExceptionOfTheWorkIsRethrownAsItself() {
    IOException thrown = new IOException("x");
    assertEquals(
        thrown,
        assertThrows(
            IOException.class,
            () ->
                worker.call(
                    () -> {
                      throw thrown;
                    })));
  }

  @Test
  void anyErrorOnTheWorkerBecomesARecordFailureNamingItsClass() {
    for (Error error :
        new Error[] {new LinkageError("x"), new AssertionError("x"), new OutOfMemoryError("x")}) {
      RecordFailure f =
          assertThrows(
              RecordFailure.class,
              () ->
                  worker.call(
                      () -> {
                        throw error;
                      }));
      assertEquals("render failed (" + error.getClass().getSimpleName() + ")", f.getMessage());
      assertEquals(error, f.getCause());
    }
  }

  @Test
  void workThatOverrunsIsAbandonedAfterTheLimit() {
    CountDownLatch never = new CountDownLatch(1);
    RecordFailure f =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () ->
                assertThrows(
                    RecordFailure.class,
                    () ->
                        worker.call(
                            () -> {
                              // Ignores interrupts, as a liqp render does.
                              while (never.getCount() > 0) {
                                Thread.onSpinWait();
                              }
                              return "late";
                            })));
    never.countDown();
    assertEquals("render time limit exceeded (200 ms, FERRY_RENDER_TIMEOUT)", f.getMessage());
  }

  @Test
  void aDeepRecursionOverflowsTheWorkersOwnStackIntoARecordFailure() {
    // A limit no busy machine reaches: the overflow, not the clock, must end this work.
    RenderWorker patient = new RenderWorker(Duration.ofSeconds(60));
    RecordFailure f = assertThrows(RecordFailure.class, () -> patient.call(() -> depth(0)));
    assertInstanceOf(StackOverflowError.class, f.getCause());
  }

  private static int depth(int n) {
    return depth(n + 1) + 1;
  }
}
