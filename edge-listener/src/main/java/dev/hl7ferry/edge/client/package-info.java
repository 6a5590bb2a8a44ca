/** A small blocking MLLP client for the send and bench commands and for tests. */
package dev.hl7ferry.edge.client;
