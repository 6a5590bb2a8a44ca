/**
 * A vendor's result on its way into the ferry: the envelope built from a file, inline or as a claim
 * check by the contract's inline rule, sent to the vendor's results queue ({@code ferry-convert
 * submit-result}, the demo AI). No AWS types: the channel is implemented in {@code aws}.
 */
package dev.hl7ferry.converter.submission;
