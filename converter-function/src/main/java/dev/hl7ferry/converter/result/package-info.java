/**
 * Vendors' results, free of AWS types: which queue is whose ({@link
 * dev.hl7ferry.converter.result.ResultSource}), what a vendor may ask ({@link
 * dev.hl7ferry.converter.result.ResultRules}) and the result payload as templates see it ({@link
 * dev.hl7ferry.converter.result.ResultPayload}).
 */
package dev.hl7ferry.converter.result;
