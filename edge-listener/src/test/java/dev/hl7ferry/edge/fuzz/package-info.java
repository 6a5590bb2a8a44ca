/** Seeded random inputs for the edge's property tests: tries, seeds and byte generators. */
package dev.hl7ferry.edge.fuzz;
