/** The whole product on one machine: MLLP in, local cloud, converter, outbound, MLLP sinks out. */
package dev.hl7ferry.e2e;
