/** Tests of MSH-18 charsets and decoding messages from bytes. */
package dev.hl7ferry.core.charset;
