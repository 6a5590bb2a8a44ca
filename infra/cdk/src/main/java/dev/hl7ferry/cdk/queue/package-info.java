/** The SQS queues and their dead-letter queues, all made one way ({@code EncryptedQueue}). */
package dev.hl7ferry.cdk.queue;
