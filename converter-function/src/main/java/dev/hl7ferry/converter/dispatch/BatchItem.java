package dev.hl7ferry.converter.dispatch;

/** One SQS record as the dispatcher sees it: its message id and body. */
public record BatchItem(String messageId, String body) {}
