/**
 * The spool's index: SQLite (WAL mode) behind the journal, one row per entry with its header
 * fields, state and where its frame is in the journal. One writer thread ({@link
 * dev.hl7ferry.edge.spool.index.IndexWriter}) takes the journal's records in large transactions and
 * runs the read side's updates; read queries use a connection of their own. All of the spool's SQL
 * is in this package.
 */
package dev.hl7ferry.edge.spool.index;
