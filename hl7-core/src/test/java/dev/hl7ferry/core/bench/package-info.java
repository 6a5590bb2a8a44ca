/**
 * JMH benchmarks of the receive path. They compile with the tests but never run in {@code mvn
 * verify}; {@code scripts/bench-core} runs them.
 */
package dev.hl7ferry.core.bench;
