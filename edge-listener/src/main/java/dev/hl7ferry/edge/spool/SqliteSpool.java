package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import dev.hl7ferry.edge.spool.index.Checkpointer;
import dev.hl7ferry.edge.spool.index.EntryUpdates;
import dev.hl7ferry.edge.spool.index.IndexWork;
import dev.hl7ferry.edge.spool.index.IndexWriter;
import dev.hl7ferry.edge.spool.index.SpoolQueries;
import dev.hl7ferry.edge.spool.journal.Journal;
import dev.hl7ferry.edge.spool.journal.JournalLock;
import dev.hl7ferry.edge.spool.journal.JournalRecord;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import dev.hl7ferry.edge.spool.journal.StoreRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool: a journal on the ACK path and an SQLite index behind it.
 *
 * <p>{@link #store} hands the message to the {@link Journal}, whose thread appends it with
 * everything else queued and answers after one synchronous ({@code O_DSYNC}) write (group commit).
 * The {@link IndexWriter} thread then takes the journal's records into SQLite (WAL mode) in large
 * batches: duplicate check, control-id flag, the table the shipper and the spool command read. The
 * payloads stay in the journal, which keeps a segment until no entry needs it; opening the spool
 * indexes whatever a crash left in the journal only.
 *
 * <p>All SQLite writes, the read side's too (mark shipped, attempts, replay, prune), go through the
 * index thread, so this process never contends with itself for SQLite's write lock; reads first
 * wait for the index to take what was already answered. Store futures complete on the caller's
 * executor or a spool thread: dependent actions must not block.
 */
public final class SqliteSpool implements Spool, ShipperSpool {
  private static final Logger log = LoggerFactory.getLogger(SqliteSpool.class);

  /** How long the index waits for a batch to fill when the journal answers the senders. */
  static final Duration INDEX_LINGER = Duration.ofMillis(10);

  private final JournalLock lock;
  private final Journal journal;
  private final IndexWriter indexer;
  private final EntryUpdates updates;
  private final Checkpointer checkpointer;
  private final SpoolQueries queries;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqliteSpool(
      JournalLock lock,
      Journal journal,
      IndexWriter indexer,
      Checkpointer checkpointer,
      SpoolQueries queries) {
    this.lock = lock;
    this.journal = journal;
    this.indexer = indexer;
    this.updates = new EntryUpdates(indexer);
    this.checkpointer = checkpointer;
    this.queries = queries;
  }

  /**
   * Opens (creating if needed) the spool in {@code settings.dataDir()}: indexes what the journal
   * holds beyond the index, then starts the journal and the index threads. Fails when another
   * process has the spool open.
   */
  public static SqliteSpool open(SpoolSettings settings) {
    Path dataDir = settings.dataDir();
    Path journalDir = JournalSegments.directory(dataDir);
    List<Runnable> opened = new ArrayList<>();
    try {
      PrivateFiles.warnIfLoose(dataDir);
      JournalLock lock = JournalLock.acquire(journalDir);
      opened.add(() -> release(lock));
      Quota quota = new Quota(settings.maxMessages(), settings.maxBytes());
      AtomicLong openSegment = new AtomicLong();
      Duration linger =
          settings.answerAt() == SpoolSettings.AnswerAt.JOURNAL ? INDEX_LINGER : Duration.ZERO;
      IndexWriter indexer = IndexWriter.open(settings, quota, linger, openSegment::get);
      opened.add(indexer::close);
      SpoolQueries queries = SpoolQueries.open(dataDir);
      opened.add(queries::close);
      Checkpointer checkpointer = Checkpointer.open(dataDir, indexer::commits);
      opened.add(checkpointer::close);
      Journal journal =
          new Journal(journalDir, settings, quota, indexer.nextSequence(), openSegment, indexer);
      indexer.start();
      journal.start();
      checkpointer.start();
      return new SqliteSpool(lock, journal, indexer, checkpointer, queries);
    } catch (IOException | SQLException | RuntimeException e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).run();
        } catch (RuntimeException closeFailure) {
          e.addSuppressed(closeFailure);
        }
      }
      throw new SpoolAccessException("cannot open spool in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message) {
    return submit(message, null);
  }

  @Override
  public CompletableFuture<StoreResult> store(IncomingMessage message, Executor callbacks) {
    return submit(message, Objects.requireNonNull(callbacks, "callbacks"));
  }

  /** Queues the store; the entry id and the journal frame are made here, on the caller's thread. */
  private CompletableFuture<StoreResult> submit(IncomingMessage message, Executor callbacks) {
    Objects.requireNonNull(message, "message");
    CompletableFuture<StoreResult> result = new CompletableFuture<>();
    if (message.payload() == null || message.charset() == null || message.receivedAt() == null) {
      new StoreRequest(message, "", null, result, callbacks)
          .fail(
              new SpoolRejectedException(
                  Reason.STORE_FAILED,
                  "message without payload, charset or receive time, control id "
                      + message.controlId(),
                  null));
      return result;
    }
    String id = EntryId.of(message);
    journal.submit(
        new StoreRequest(message, id, JournalRecord.encode(id, message), result, callbacks));
    return result;
  }

  @Override
  public List<SpoolEntry> unshipped(long afterSequence, int limit) {
    awaitIndexed();
    return queries.unshipped(afterSequence, limit);
  }

  @Override
  public void markShipped(Collection<Long> sequences, Instant when) {
    updates.markShipped(sequences, when);
  }

  @Override
  public void recordAttempt(Collection<Long> sequences) {
    updates.recordAttempt(sequences);
  }

  @Override
  public void recordFailure(long sequence, String reason) {
    updates.recordFailure(sequence, reason);
  }

  @Override
  public boolean quarantine(long sequence, String reason) {
    return updates.quarantine(sequence, reason);
  }

  /**
   * RECEIVED entries whose sending application is {@code sendingApplication}, after {@code
   * afterSequence} in order: one line of the outbound store (which keeps the destination there).
   */
  public List<SpoolEntry> unshippedFrom(String sendingApplication, long afterSequence, int limit) {
    awaitIndexed();
    return queries.unshippedFrom(sendingApplication, afterSequence, limit);
  }

  @Override
  public boolean release(String id) {
    return updates.release(EntryUpdates.Selector.ID, id) > 0;
  }

  /** Puts every QUARANTINED entry of {@code sendingApplication} back to RECEIVED. */
  public int releaseFrom(String sendingApplication) {
    return updates.release(EntryUpdates.Selector.SENDING_APPLICATION, sendingApplication);
  }

  @Override
  public boolean drop(String id) {
    return updates.drop(id);
  }

  /** {@link #release(String)} on the spool in {@code dataDir} without opening it (tools). */
  public static boolean release(Path dataDir, String id) {
    return EntryUpdates.release(dataDir, EntryUpdates.Selector.ID, id) > 0;
  }

  /** {@link #releaseFrom(String)} on the spool in {@code dataDir} without opening it (tools). */
  public static int releaseFrom(Path dataDir, String sendingApplication) {
    return EntryUpdates.release(
        dataDir, EntryUpdates.Selector.SENDING_APPLICATION, sendingApplication);
  }

  /** {@link #drop(String)} on the spool in {@code dataDir} without opening it (tools). */
  public static boolean drop(Path dataDir, String id) {
    return EntryUpdates.drop(dataDir, id);
  }

  @Override
  public int resetShipped(Instant since) {
    return updates.resetShipped(since);
  }

  /**
   * {@link #resetShipped(Instant)} on the spool in {@code dataDir} without opening it: for the
   * {@code spool replay} command, beside a running edge (SQLite's lock keeps the two writers apart)
   * or a stopped one. The journal is left alone; it belongs to the edge.
   */
  public static int resetShipped(Path dataDir, Instant since) {
    return EntryUpdates.resetShipped(dataDir, since);
  }

  @Override
  public int pruneShipped(Instant before) {
    return updates.pruneShipped(before);
  }

  /** Counts and bytes by state. */
  public SpoolStats stats() {
    awaitIndexed();
    return queries.stats();
  }

  /**
   * Counts and bytes by state as the index holds them now, without waiting for messages the journal
   * already holds (indexed within milliseconds): for metrics and the status page.
   */
  public SpoolStats currentStats() {
    return queries.stats();
  }

  /** Entries in {@code state} per sending application (the outbound store: per destination). */
  public Map<String, Long> countBySender(EntryState state) {
    return queries.countBySender(state);
  }

  /** Up to {@code limit} entries after {@code afterSequence}, without payloads. */
  public List<EntrySummary> list(long afterSequence, int limit) {
    return queries.list(afterSequence, limit, null);
  }

  /** Like {@link #list(long, int)}, only entries in {@code state}. */
  public List<EntrySummary> list(long afterSequence, int limit, EntryState state) {
    awaitIndexed();
    return queries.list(afterSequence, limit, state);
  }

  /**
   * The entry with {@code id}, if held. A full scan (ids are not indexed): tools and tests only.
   */
  public Optional<SpoolEntry> entry(String id) {
    awaitIndexed();
    return queries.entry(id);
  }

  /** Runs {@code work} in its own transaction on the writer thread (tests tune SQLite here). */
  int runOnWriter(IndexWork work) {
    return indexer.update(work);
  }

  /** Index transactions committed so far; far fewer than messages stored. */
  long commits() {
    return indexer.commits();
  }

  /**
   * Waits until the index holds every message answered so far: a barrier queued behind them on the
   * index thread.
   */
  private void awaitIndexed() {
    indexer.awaitIndexed();
  }

  /** Synchronous journal writes (one fsync each) since the spool opened. */
  long journalWrites() {
    return journal.writes();
  }

  /** Messages the journal has written since the spool opened. */
  long journaled() {
    return journal.journaled();
  }

  /**
   * Answers what is queued, indexes it, checkpoints, then releases the spool directory. Later calls
   * return at once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    indexer.beginClose();
    journal.close();
    indexer.close();
    checkpointer.close();
    queries.close();
    release(lock);
  }

  private static void release(JournalLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      log.warn("releasing the spool lock failed", e);
    }
  }
}
