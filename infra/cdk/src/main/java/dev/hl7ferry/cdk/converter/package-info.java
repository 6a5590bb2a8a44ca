/** The converter Lambda, its least-privilege role, log group and SQS event source. */
package dev.hl7ferry.cdk.converter;
