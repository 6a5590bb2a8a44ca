/**
 * The spool: an embedded, crash-safe store on local disk. A message is acknowledged positively only
 * after {@link dev.hl7ferry.edge.spool.Spool#store} has completed, i.e. after it is on disk. This
 * package holds the API ({@link dev.hl7ferry.edge.spool.Spool}, {@link
 * dev.hl7ferry.edge.spool.SpoolShipping}, {@link dev.hl7ferry.edge.spool.SpoolMaintenance}, the
 * values and settings), the facade {@link dev.hl7ferry.edge.spool.SqliteSpool} and the pieces both
 * spool threads share (quota, queue, threads); the journal and the index are its sub-packages.
 */
package dev.hl7ferry.edge.spool;
