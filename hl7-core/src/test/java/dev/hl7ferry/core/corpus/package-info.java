/** The fixture corpus: round trips and the cross-check against HAPI hl7v2. */
package dev.hl7ferry.core.corpus;
