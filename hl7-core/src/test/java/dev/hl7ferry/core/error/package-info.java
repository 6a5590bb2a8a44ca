/** Tests of the typed errors unparseable input produces. */
package dev.hl7ferry.core.error;
