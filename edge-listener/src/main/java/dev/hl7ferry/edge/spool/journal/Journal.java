package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.retry.FailureLog;
import dev.hl7ferry.edge.spool.PrivateFiles;
import dev.hl7ferry.edge.spool.Quota;
import dev.hl7ferry.edge.spool.SpoolFailures;
import dev.hl7ferry.edge.spool.SpoolQueue;
import dev.hl7ferry.edge.spool.SpoolRejectedException;
import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SpoolThreads;
import dev.hl7ferry.edge.spool.StoreOutcome;
import dev.hl7ferry.edge.spool.StoreResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's durable write path: an append-only log of sealed frames on the {@code spool-journal}
 * thread. It takes everything queued from all connections, checks the quota, hands out sequences,
 * writes the frames with one synchronous ({@code O_DSYNC}) write, and only then answers (or, when
 * {@link SpoolSettings.AnswerAt#INDEX}, passes the answer on to the index: its {@link
 * JournalSink}). Whatever arrives during an fsync forms the next batch, so one fsync serves every
 * sender that was waiting.
 *
 * <p>Everything else a stored message needs (the duplicate check, the index the shipper and the
 * spool command read) is done by the SQLite writer behind it, in large batches that cost a fraction
 * of one transaction per fsync. The journal keeps each payload for as long as its entry is held.
 */
public final class Journal {
  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final Path directory;
  private final SpoolSettings settings;
  private final Quota quota;
  private final JournalSink index;
  private final AtomicLong journaled = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final SpoolQueue<StoreRequest> queue = new SpoolQueue<>();
  private final Thread thread;
  private final SegmentPreparer preparer;

  /** Failed writes in a row: a full disk refuses every batch, logged now and then, not each. */
  private final FailureLog failures = new FailureLog(log, "journal write");

  /** Size of the direct buffer frames are copied into for writing: one write for a usual batch. */
  private static final int WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

  private final ByteBuffer out = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
  private FileChannel segment;
  private long segmentBytes;
  private long nextSequence;
  private final AtomicLong segmentFirstSequence;
  private boolean segmentBroken;
  private int lastBatch;

  public Journal(
      Path directory,
      SpoolSettings settings,
      Quota quota,
      long nextSequence,
      AtomicLong segmentFirstSequence,
      JournalSink index)
      throws IOException {
    this.directory = directory;
    this.settings = settings;
    this.quota = quota;
    this.index = index;
    this.nextSequence = nextSequence;
    this.segmentFirstSequence = segmentFirstSequence;
    PrivateFiles.createDirectories(directory);
    this.preparer = new SegmentPreparer(directory, settings.journalSegmentBytes());
    openSegment();
    this.thread = SpoolThreads.newThread(this::run, "spool-journal");
  }

  public void start() {
    thread.start();
  }

  /** Queues a store; refuses it with CLOSED once {@link #close} began. Never blocks. */
  public void submit(StoreRequest store) {
    if (!queue.add(store)) {
      store.fail(new SpoolRejectedException(Reason.CLOSED, "spool is closed", null));
    }
  }

  /** Records written so far (for tests and stats). */
  public long journaled() {
    return journaled.get();
  }

  /** Synchronous writes (each one fsync) so far. */
  public long writes() {
    return writes.get();
  }

  /** Appends and answers everything queued, then closes the segment file. */
  public void close() {
    queue.close(StoreRequest.END);
    SpoolThreads.awaitEnd(thread);
  }

  private void run() {
    List<StoreRequest> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      gather(batch);
      if (batch.get(batch.size() - 1) == StoreRequest.END) {
        batch.remove(batch.size() - 1);
        stopping = true;
      }
      lastBatch = batch.size();
      if (!batch.isEmpty()) {
        try {
          append(batch);
        } catch (RuntimeException e) {
          // Never let this thread die: every later ACK waits on it.
          log.error("journal append failed unexpectedly; refusing {} message(s)", batch.size(), e);
          SpoolRejectedException refused =
              new SpoolRejectedException(Reason.STORE_FAILED, "journal append failed", e);
          batch.forEach(store -> store.fail(refused));
        }
      }
    }
    preparer.close();
    try {
      segment.close();
    } catch (IOException e) {
      log.warn("closing the journal segment failed", e);
    }
  }

  /**
   * Takes at least one store, then what is queued. Senders that wait for each ACK all wake at once
   * after an fsync but send again a few microseconds apart; when fewer are queued than the last
   * batch held, wait up to {@link SpoolSettings#maxCommitDelay} for that many, so they share the
   * next fsync instead of the first one going alone.
   */
  private void gather(List<StoreRequest> batch) {
    int expected = Math.min(lastBatch, settings.maxBatchSize());
    queue.gather(
        batch,
        settings.maxBatchSize(),
        settings.maxCommitDelay().toNanos(),
        gathered ->
            gathered.size() < expected && gathered.get(gathered.size() - 1) != StoreRequest.END);
  }

  private void append(List<StoreRequest> batch) {
    if (segmentBroken) {
      try {
        openSegment();
        segmentBroken = false;
      } catch (IOException e) {
        refuse(List.of(), batch, e);
        return;
      }
    }
    List<JournaledMessage> written = new ArrayList<>(batch.size());
    List<StoreRequest> accepted = new ArrayList<>(batch.size());
    List<byte[]> frames = new ArrayList<>(2 * batch.size());
    long start = segmentBytes;
    // The first store of the batch not yet written or refused: what a failure leaves unanswered.
    int next = 0;
    try {
      for (; next < batch.size(); next++) {
        StoreRequest store = batch.get(next);
        int size = store.message().payload().length;
        Reason over = quota.reserve(size);
        if (over != null) {
          index.refusedForQuota(
              store,
              new SpoolRejectedException(
                  over,
                  "quota reached ("
                      + quota.describe()
                      + "), control id "
                      + store.message().controlId()
                      + " refused",
                  null));
          continue;
        }
        byte[] head = store.frame();
        byte[] payload = store.message().payload();
        long length = head.length + payload.length;
        if (segmentBytes > 0 && segmentBytes + length > settings.journalSegmentBytes()) {
          try {
            write(frames);
            frames.clear();
            openSegment();
          } catch (IOException e) {
            quota.release(size); // reserved above, never written
            throw e;
          }
          start = 0;
        }
        long sequence = nextSequence++;
        long offset = segmentBytes;
        JournalRecord.seal(head, payload, sequence);
        frames.add(head);
        frames.add(payload);
        segmentBytes += length;
        written.add(
            new JournaledMessage(
                store.message(),
                store.id(),
                sequence,
                segmentFirstSequence.get(),
                offset,
                settings.answerAt() == SpoolSettings.AnswerAt.INDEX ? store : null));
        accepted.add(store);
      }
      write(frames);
    } catch (IOException e) {
      // A failure while moving to a new segment leaves this store and the rest of the batch
      // untried: they are refused too, never left without an answer.
      refuse(accepted, batch.subList(Math.min(next, batch.size()), batch.size()), e);
      cutBack(start);
      return;
    }
    // Queued for the index before anyone hears back, so a caller that reads after its answer
    // (through the spool's barrier) finds the entry.
    index.index(written);
    journaled.addAndGet(written.size());
    if (!written.isEmpty()) {
      failures.worked();
    }
    if (settings.answerAt() == SpoolSettings.AnswerAt.JOURNAL) {
      List<Completions.Answer> answers = new ArrayList<>(written.size());
      for (int i = 0; i < written.size(); i++) {
        StoreRequest store = accepted.get(i);
        answers.add(
            new Completions.Answer(
                store,
                new StoreResult(store.id(), written.get(i).sequence(), StoreOutcome.ACCEPTED)));
      }
      Completions.deliver(answers);
    }
  }

  /**
   * Writes the frames' pieces with synchronous writes, copied into one reused direct buffer (the
   * JDK would otherwise copy each heap buffer into a temporary direct one of its own): one write
   * for an ordinary batch, one per {@link #WRITE_BUFFER_BYTES} for a batch of large messages.
   */
  private void write(List<byte[]> pieces) throws IOException {
    out.clear();
    for (byte[] piece : pieces) {
      for (int done = 0; done < piece.length; ) {
        if (!out.hasRemaining()) {
          flush();
        }
        int n = Math.min(out.remaining(), piece.length - done);
        out.put(piece, done, n);
        done += n;
      }
    }
    flush();
  }

  private void flush() throws IOException {
    out.flip();
    if (out.hasRemaining()) {
      while (out.hasRemaining()) {
        segment.write(out);
      }
      writes.incrementAndGet();
    }
    out.clear();
  }

  /** Refuses what a failed write or fsync covered (and what could not even be tried). */
  private void refuse(List<StoreRequest> written, List<StoreRequest> untried, IOException cause) {
    Reason reason = SpoolFailures.reasonFor(cause);
    if (failures.count()) {
      log.error(
          "journal write failed ({}, {} in a row; the first and every {}th logged);"
              + " refusing {} message(s)",
          reason,
          failures.failures(),
          FailureLog.EVERY,
          written.size() + untried.size(),
          cause);
    }
    SpoolRejectedException refused =
        new SpoolRejectedException(
            reason,
            (reason == Reason.DISK_FULL ? "disk full" : "store failed")
                + ": journal write failed ("
                + cause.getMessage()
                + ")",
            cause);
    for (StoreRequest store : written) {
      quota.release(store.message().payload().length);
      store.fail(refused);
    }
    untried.forEach(store -> store.fail(refused));
  }

  /**
   * After a failed write or fsync: cut the segment back to where the batch began (a later append
   * must never follow a half-written frame) and go on in a fresh segment, since after a failed
   * fsync the kernel may already have dropped the pages. When even that fails, the next batch tries
   * a fresh segment first.
   */
  private void cutBack(long batchStart) {
    try {
      segment.truncate(batchStart);
      segment.force(true);
      openSegment();
    } catch (IOException again) {
      log.error("journal segment could not be cut back or replaced", again);
      segmentBroken = true;
    }
  }

  /**
   * Continues in a new segment named after the next sequence (prepared ahead, see {@link
   * SegmentPreparer}); its directory entry is durable before anything is written to it.
   */
  private void openSegment() throws IOException {
    FileChannel previous = segment;
    segment = preparer.take(JournalSegments.path(directory, nextSequence));
    segmentBytes = 0;
    segmentFirstSequence.set(nextSequence);
    if (previous != null) {
      previous.close();
    }
  }
}
