/** The command line: {@code ferry-convert render} (offline template runs) and {@code run-local}. */
package dev.hl7ferry.converter.cli;
