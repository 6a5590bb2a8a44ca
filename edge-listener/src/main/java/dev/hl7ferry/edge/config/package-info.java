/**
 * Configuration: one YAML file bound to immutable records, on top of the commented defaults shipped
 * as {@code ferry-edge-default.yaml}; validated when loaded, with messages naming the key.
 */
package dev.hl7ferry.edge.config;
