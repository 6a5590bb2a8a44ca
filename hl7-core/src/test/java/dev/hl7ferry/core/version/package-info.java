/** Tests of the version provider. */
package dev.hl7ferry.core.version;
