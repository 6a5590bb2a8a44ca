/**
 * The versioned JSON receipt the edge writes when an outbound output ends (delivered or
 * dead-lettered): what happened to it, never what it contained.
 */
package dev.hl7ferry.contract.receipt;
