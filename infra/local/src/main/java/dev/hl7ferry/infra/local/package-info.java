/** The local cloud: S3- and SQS-compatible servers running in-process on 127.0.0.1. */
package dev.hl7ferry.infra.local;
