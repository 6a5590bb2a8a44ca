/**
 * MLLP framing: start block {@code 0x0B}, payload, end block {@code 0x1C 0x0D}. Knows bytes, not
 * HL7. Hand-written instead of a generic delimiter decoder because MLLP needs what those lack: a
 * frame limit that keeps a 64 KiB head to answer with a NAK, bytes between frames skipped and
 * counted, a start block that abandons an unfinished frame, and scanning that resumes where it
 * stopped (a 16 MiB frame over many reads is scanned once).
 */
package dev.hl7ferry.edge.mllp;
