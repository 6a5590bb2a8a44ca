/**
 * The local cloud: S3- and SQS-compatible servers running in-process on 127.0.0.1, usable as a
 * JUnit 5 extension ({@link dev.hl7ferry.infra.local.LocalCloudExtension}) and from a main ({@link
 * dev.hl7ferry.infra.local.LocalCloudMain}). Test-scope only for other modules.
 */
package dev.hl7ferry.infra.local;
