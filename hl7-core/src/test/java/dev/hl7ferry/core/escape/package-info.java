/** Tests of HL7 escape sequences. */
package dev.hl7ferry.core.escape;
