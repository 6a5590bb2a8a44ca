package dev.hl7ferry.edge.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link ShipBench}'s baseline: the bare SDK's SendMessageBatch loop (ten per call, bodies of the
 * shipper's envelope size, the shipper's concurrency) into the same queue through the same proxy,
 * i.e. the local cloud's own ceiling for what the shipper does last. Returns messages per second.
 */
final class SendBatchBaseline {

  private SendBatchBaseline() {}

  static double run(
      AwsClients clients,
      String queueUrl,
      boolean fifo,
      int messages,
      int bodyBytes,
      int groups,
      int concurrency)
      throws Exception {
    String padding = "x".repeat(Math.max(0, bodyBytes - 40));
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      long start = System.nanoTime();
      List<Future<?>> calls = new ArrayList<>();
      for (int first = 0; first < messages; first += 10) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(10);
        for (int i = first; i < Math.min(messages, first + 10); i++) {
          SendMessageBatchRequestEntry.Builder entry =
              SendMessageBatchRequestEntry.builder()
                  .id(Integer.toString(i - first))
                  .messageBody("{\"baseline\":" + i + ",\"pad\":\"" + padding + "\"}");
          if (fifo) {
            // Ten consecutive messages share a group, as the shipper's batches do.
            entry.messageGroupId("g" + (first / 10) % groups).messageDeduplicationId("b" + i);
          }
          entries.add(entry.build());
        }
        calls.add(
            pool.submit(
                () -> clients.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries))));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      return messages / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }
}
