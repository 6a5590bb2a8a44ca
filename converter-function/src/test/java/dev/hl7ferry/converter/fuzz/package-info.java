/** Seeded random inputs for the converter's property tests: tries, seeds and text generators. */
package dev.hl7ferry.converter.fuzz;
