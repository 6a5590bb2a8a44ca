/** MSH-18 character sets: read the header from raw bytes, then decode in the declared charset. */
package dev.hl7ferry.core.charset;
