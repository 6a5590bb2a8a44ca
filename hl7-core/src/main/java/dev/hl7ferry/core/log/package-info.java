/** What may be written to a log from a message a sender controls: values made safe to print. */
package dev.hl7ferry.core.log;
