/**
 * Everything that touches the AWS SDK: clients (URL-connection HTTP client, built once), the S3
 * template store, S3 payloads, the per-site outbound SQS queues and the local queue poller.
 */
package dev.hl7ferry.converter.aws;
