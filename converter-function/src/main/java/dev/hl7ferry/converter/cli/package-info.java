/**
 * The command line: {@code ferry-convert render} (offline template runs), {@code run-local} and
 * {@code submit-result} (a vendor result into its results queue).
 */
package dev.hl7ferry.converter.cli;
