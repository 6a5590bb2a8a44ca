/**
 * The template store: routes file, templates and lookup tables under one prefix, loaded once and
 * refreshed by ETag after a TTL; compiled templates cached per store version.
 */
package dev.hl7ferry.converter.store;
