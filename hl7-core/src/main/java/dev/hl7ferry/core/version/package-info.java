/** The build's own version, as the jar manifest records it, for the command lines' --version. */
package dev.hl7ferry.core.version;
