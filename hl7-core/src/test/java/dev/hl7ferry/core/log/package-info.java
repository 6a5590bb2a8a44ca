/** Tests of log-safe values. */
package dev.hl7ferry.core.log;
