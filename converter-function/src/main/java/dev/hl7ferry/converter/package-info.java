/** The converter function: routes each message and renders it with stored templates. */
package dev.hl7ferry.converter;
