/**
 * The spool: an embedded, crash-safe store on local disk. A message is acknowledged positively only
 * after {@link dev.hl7ferry.edge.spool.Spool#store} has completed, i.e. after its commit is on
 * disk.
 */
package dev.hl7ferry.edge.spool;
