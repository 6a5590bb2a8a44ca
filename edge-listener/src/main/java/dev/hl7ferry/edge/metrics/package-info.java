/**
 * The edge's metrics in Prometheus text format through Micrometer: {@link
 * dev.hl7ferry.edge.metrics.EdgeMetrics} counts the edge's events and reads gauges from the status
 * snapshot; every name is a constant of {@link dev.hl7ferry.edge.metrics.MetricNames}. Micrometer
 * types stay in this package.
 */
package dev.hl7ferry.edge.metrics;
