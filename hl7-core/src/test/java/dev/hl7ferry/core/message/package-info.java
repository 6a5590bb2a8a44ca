/** Tests of delimiters, the lazy parser, segments and path reads. */
package dev.hl7ferry.core.message;
