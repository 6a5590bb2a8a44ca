/** HL7-aware Liquid filters: escaping, date/time conversion and code lookups from stored tables. */
package dev.hl7ferry.converter.filter;
