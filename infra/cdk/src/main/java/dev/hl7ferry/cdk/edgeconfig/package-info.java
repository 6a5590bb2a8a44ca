/** The per-site edge YAML written from the stack's outputs (no AWS types: plain JSON and text). */
package dev.hl7ferry.cdk.edgeconfig;
