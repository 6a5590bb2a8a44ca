/** Tests of HL7 path parsing. */
package dev.hl7ferry.core.path;
