/**
 * MLLP framing: start block {@code 0x0B}, payload, end block {@code 0x1C 0x0D}. Knows bytes, not
 * HL7.
 */
package dev.hl7ferry.edge.mllp;
