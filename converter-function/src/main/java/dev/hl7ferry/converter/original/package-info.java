/**
 * Originals: the inbound messages a vendor may answer, kept when they go to a cloud destination,
 * and found again in O(1) by the correlation of a result (entry id, or MSH-3/4/10 through a small
 * index object). The S3 implementation is in the {@code aws} package.
 */
package dev.hl7ferry.converter.original;
