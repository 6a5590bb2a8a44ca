/** Seeded random inputs for the property tests: tries, seeds and generators. */
package dev.hl7ferry.core.fuzz;
