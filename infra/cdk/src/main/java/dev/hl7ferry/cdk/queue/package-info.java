/** The SQS FIFO queues and their dead-letter queues. */
package dev.hl7ferry.cdk.queue;
