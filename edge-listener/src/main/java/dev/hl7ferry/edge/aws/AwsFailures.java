package dev.hl7ferry.edge.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tells a permanent refusal of one request (a 4xx about what was sent, which a retry cannot change)
 * from an outage (no answer, timeouts, 5xx, throttling, credentials, a missing queue or bucket,
 * KMS): only the former may ever count towards quarantine. Reasons are built from status and error
 * codes only, never from the service's message text (which may quote content).
 */
final class AwsFailures {

  /** 4xx codes that are about the account, the credentials, the resource or the moment. */
  private static final Set<String> NOT_THE_ENTRY =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "AllAccessDisabled",
          "ExpiredToken",
          "ExpiredTokenException",
          "IncompleteSignature",
          "InvalidAccessKeyId",
          "InvalidClientTokenId",
          "InvalidSecurity",
          "InvalidToken",
          "MissingAuthenticationToken",
          "NoSuchBucket",
          "AWS.SimpleQueueService.NonExistentQueue",
          "QueueDoesNotExist",
          "RequestExpired",
          "RequestTimeout",
          "RequestTimeTooSkewed",
          "SignatureDoesNotMatch",
          "SlowDown",
          "Throttling",
          "ThrottlingException",
          "RequestThrottled",
          "TokenRefreshRequired",
          "OperationAborted",
          "AWS.SimpleQueueService.UnsupportedOperation",
          "UnrecognizedClientException");

  private AwsFailures() {}

  /** Whether {@code e} is the service refusing this request for good. */
  static boolean permanent(SdkException e) {
    if (!(e instanceof AwsServiceException service)) {
      return false; // no answer: connection, timeout, credentials not found
    }
    int status = service.statusCode();
    if (status < 400 || status >= 500 || status == 401 || status == 403 || status == 404) {
      return false;
    }
    if (status == 408 || status == 409 || status == 429 || service.isThrottlingException()) {
      return false;
    }
    String code = code(service);
    return !NOT_THE_ENTRY.contains(code) && !code.startsWith("KMS.") && !code.startsWith("Kms");
  }

  /** Whether a SendMessageBatch entry failure is permanent: the sender's fault, not throttling. */
  static boolean permanentEntry(boolean senderFault, String code) {
    return senderFault && code != null && !NOT_THE_ENTRY.contains(code) && !code.startsWith("KMS");
  }

  /** {@code HTTP 400 InvalidArgument}, or the exception's type when there was no answer. */
  static String reason(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return "HTTP " + service.statusCode() + " " + code(service);
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName()
        + (root == e ? "" : " <- " + root.getClass().getSimpleName());
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? ""
        : e.awsErrorDetails().errorCode();
  }
}
