package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.edge.retry.Backoff;
import dev.hl7ferry.edge.retry.FailureLog;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.Quota;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import dev.hl7ferry.edge.spool.journal.Completions;
import dev.hl7ferry.edge.spool.journal.JournaledMessage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one batch of journal records in one transaction, retrying with {@link #RETRY} until it
 * succeeds (the records are acknowledged and durable in the journal); then answers the stores that
 * wait for the index, hands the batch from the quota's pending share to its tally, and lets the
 * journal segments behind it retire. Once closing, a failure gives up instead: the batch and every
 * later one stay in the journal for the next start.
 */
final class IndexBatches {
  private static final Logger log = LoggerFactory.getLogger(IndexBatches.class);

  /** Retry timing of a failed index transaction: one local disk, so no jitter. */
  static final Backoff RETRY = Backoff.steady(Duration.ofMillis(100), Duration.ofSeconds(5));

  private final WriterConnection writer;
  private final Quota quota;
  private final IndexBackpressure backpressure;
  private final SegmentRetirement retirement;
  private final AtomicLong commits;
  private final FailureLog failures = new FailureLog(log, "indexing journal records");
  private boolean gaveUp;

  IndexBatches(
      WriterConnection writer,
      Quota quota,
      IndexBackpressure backpressure,
      SegmentRetirement retirement,
      AtomicLong commits) {
    this.writer = writer;
    this.quota = quota;
    this.backpressure = backpressure;
    this.retirement = retirement;
    this.commits = commits;
  }

  /** Whether a batch failed while closing (the index then misses records the journal holds). */
  boolean gaveUp() {
    return gaveUp;
  }

  /** Indexes {@code records} (then clears the list), retrying until the index takes them. */
  void indexAll(List<JournaledMessage> records) {
    if (records.isEmpty()) {
      return;
    }
    long bytes = IndexBackpressure.payloadBytes(records);
    try {
      indexOrGiveUp(records, bytes);
    } finally {
      backpressure.taken(bytes);
      records.clear();
    }
  }

  private void indexOrGiveUp(List<JournaledMessage> records, long bytes) {
    if (gaveUp) {
      // An earlier batch is missing from the index: indexing later ones would move the journal
      // mark past it. They all stay in the journal and are indexed at the next start.
      SpoolRejectedException refused =
          new SpoolRejectedException(
              SpoolRejectedException.Reason.CLOSED, "spool is closing", null);
      records.forEach(record -> record.fail(refused));
      return;
    }
    while (true) {
      BatchWriter current;
      List<StoreResult> results;
      try {
        current = writer.get();
        results = current.write(records);
      } catch (SQLException | RuntimeException e) {
        writer.drop();
        if (backpressure.closing()) {
          log.error(
              "indexing {} journal record(s) failed while stopping; they stay in the journal"
                  + " and are indexed when the spool opens again",
              records.size(),
              e);
          SpoolRejectedException refused = IndexFailures.rejection(e, records.size());
          records.forEach(record -> record.fail(refused));
          gaveUp = true;
          return;
        }
        boolean due = failures.count();
        long delay = RETRY.delay(failures.failures()).toMillis();
        if (due) {
          log.error(
              "indexing {} journal record(s) failed ({} in a row, the first and every {}th logged;"
                  + " they are safe in the journal); retrying in {} ms",
              records.size(),
              failures.failures(),
              FailureLog.EVERY,
              delay,
              e);
        }
        sleep(delay);
        continue;
      }
      // Committed: what follows must not send the batch round again.
      commits.incrementAndGet();
      failures.worked();
      indexed(current, records, bytes, results);
      return;
    }
  }

  private void indexed(
      BatchWriter current, List<JournaledMessage> records, long bytes, List<StoreResult> results) {
    List<Completions.Answer> answers = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JournaledMessage record = records.get(i);
      StoreResult result = results.get(i);
      if (result.outcome() == StoreOutcome.STORED_CONTROL_ID_REUSED) {
        IncomingMessage message = record.message();
        log.warn(
            "stored peer={} controlId={} type={} id={} note=control id reused with other content",
            message.peer(),
            LogSafe.text(message.controlId()),
            LogSafe.text(message.messageType()),
            result.id());
      }
      if (record.waiting() != null) {
        answers.add(new Completions.Answer(record.waiting(), result));
      }
    }
    try {
      BatchWriter.Tally tally = current.unshipped();
      quota.indexed(records.size(), bytes, tally.messages(), tally.bytes());
    } catch (SQLException | RuntimeException e) {
      log.warn("reading the spool tally failed; the quota counts the batch without it", e);
      quota.indexed(records.size(), bytes);
    }
    Completions.deliver(answers);
    retirement.indexed(writer, records.get(records.size() - 1).sequence());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Only close() ends this thread; retry at once.
    }
  }
}
