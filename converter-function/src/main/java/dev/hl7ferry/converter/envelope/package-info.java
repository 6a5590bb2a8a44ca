/** The inbound SQS envelope the edge ships (issue 4): a claim check pointing at the S3 payload. */
package dev.hl7ferry.converter.envelope;
