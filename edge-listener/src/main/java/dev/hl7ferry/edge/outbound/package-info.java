/**
 * The edge's outbound half: outputs taken from the site's outbound queue into a local durable store
 * (a second spool), delivered from there by one {@link dev.hl7ferry.edge.deliver.DeliveryLoop} per
 * destination, and a {@link dev.hl7ferry.contract.receipt.DeliveryReceipt} for each output that
 * ended, shipped back to the cloud. AWS types stay in {@code dev.hl7ferry.edge.aws}.
 */
package dev.hl7ferry.edge.outbound;
