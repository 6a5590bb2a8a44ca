/** The KMS key and the bucket (payloads, archive, outputs, error records, templates). */
package dev.hl7ferry.cdk.storage;
