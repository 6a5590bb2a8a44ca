/** HL7 v2 messages: delimiters, segments, fields and the lazy parser over them. */
package dev.hl7ferry.core.message;
