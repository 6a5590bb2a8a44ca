package dev.hl7ferry.edge.spool.index;

import java.sql.Connection;
import java.sql.SQLException;

/** A read-side update run in its own transaction on the index thread; returns rows changed. */
@FunctionalInterface
public interface IndexWork {
  int run(Connection connection) throws SQLException;
}
