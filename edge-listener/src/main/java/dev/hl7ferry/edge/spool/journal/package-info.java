/**
 * The spool's journal: the durable write path. One thread appends sealed frames to preallocated
 * segment files with one {@code O_DSYNC} write per group of messages and answers the senders; it
 * hands what it wrote to a {@link dev.hl7ferry.edge.spool.journal.JournalSink} (the index) and
 * never touches SQL. Hand-written rather than SQLite alone because SQLite's per-message insert CPU
 * held durable throughput to 25–44% of storage-off on two cores (measured; see SPOOL.md).
 */
package dev.hl7ferry.edge.spool.journal;
