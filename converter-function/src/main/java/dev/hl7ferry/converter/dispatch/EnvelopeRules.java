package dev.hl7ferry.converter.dispatch;

import dev.hl7ferry.contract.envelope.InboundEnvelope;
import java.util.regex.Pattern;

/**
 * What the converter accepts from an envelope, whoever sent it: the inbound queue may be shared by
 * several edges, so an envelope must not point the function at another site's payload, another
 * bucket, or keys outside its own site's prefixes. Messages name the rule, never a value.
 */
final class EnvelopeRules {
  /** As the edge's {@code ship.site} setting allows. */
  static final Pattern SITE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** As the contract allows (spool entry ids are hex); ids become parts of object keys. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private EnvelopeRules() {}

  /**
   * Whether site and id may address objects at all; an envelope failing this gets no error record
   * (there is no prefix of its own to put one under).
   */
  static String addressProblem(InboundEnvelope env) {
    if (env.site() == null || !SITE.matcher(env.site()).matches()) {
      return "envelope.site is not a site name (1-64 of A-Z a-z 0-9 _ -)";
    }
    if (env.id() == null || !ID.matcher(env.id()).matches()) {
      return "envelope.id is not an entry id (1-128 of A-Z a-z 0-9 . _ -, no leading dot)";
    }
    return null;
  }

  /** The first rule {@code env} breaks for a function reading {@code bucket}, or null. */
  static String payloadProblem(InboundEnvelope env, String bucket, long maxInputBytes) {
    if (env.size() > maxInputBytes) {
      return "payload of "
          + env.size()
          + " bytes exceeds FERRY_MAX_INPUT_BYTES ("
          + maxInputBytes
          + ")";
    }
    if (env.inline()) {
      return null;
    }
    if (!bucket.equals(env.bucket())) {
      return "envelope.bucket is not this function's bucket";
    }
    String prefix = "inbound/" + env.site() + "/";
    if (env.key() == null
        || !env.key().startsWith(prefix)
        || env.key().length() == prefix.length()) {
      return "envelope.key is not under inbound/" + env.site() + "/";
    }
    return null;
  }
}
