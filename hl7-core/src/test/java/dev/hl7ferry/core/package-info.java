/** Module-level tests: the README example. */
package dev.hl7ferry.core;
