/** HL7 escape sequences: decoded on read, applied on write. */
package dev.hl7ferry.core.escape;
