/**
 * TLS for MLLP: PEM certificates and keys, the listener's reloading server context and handshake
 * log, and the client side ({@link dev.hl7ferry.edge.tls.ClientTls}) the send command uses.
 */
package dev.hl7ferry.edge.tls;
