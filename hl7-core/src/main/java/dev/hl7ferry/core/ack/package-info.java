/** Standard HL7 acknowledgements: original and enhanced mode, ERR with table 0357 codes. */
package dev.hl7ferry.core.ack;
