/**
 * AI-result vendors: per vendor a results queue, a role it assumes, queues made for its
 * destinations, and what the converter needs to read results and deliver to the vendor.
 */
package dev.hl7ferry.cdk.vendor;
