/** Routing rules: which template renders a message, and to which destinations it goes. */
package dev.hl7ferry.converter.route;
