/** The {@code ferry-edge} command line: run, send, bench (and spool). */
package dev.hl7ferry.edge.cli;
