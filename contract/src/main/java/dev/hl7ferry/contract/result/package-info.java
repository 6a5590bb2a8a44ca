/**
 * The versioned JSON envelope a vendor's service submits to its results queue: an answer (an AI
 * score, a report) for one site, correlated with the original message it answers.
 */
package dev.hl7ferry.contract.result;
