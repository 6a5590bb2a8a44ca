/**
 * Receiving HL7 over a connection: read the header, check the minimum, store durably, answer with a
 * standard acknowledgement, and keep each connection's answers in arrival order.
 */
package dev.hl7ferry.edge.receive;
