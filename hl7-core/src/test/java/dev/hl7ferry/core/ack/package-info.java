/** Tests of the acknowledgement builder. */
package dev.hl7ferry.core.ack;
