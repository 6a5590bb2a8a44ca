/**
 * Typed HL7 errors that carry what a negative acknowledgement needs: table 0357 code, location,
 * text.
 */
package dev.hl7ferry.core.error;
