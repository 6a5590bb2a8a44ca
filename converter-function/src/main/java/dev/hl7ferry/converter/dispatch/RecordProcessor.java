package dev.hl7ferry.converter.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import dev.hl7ferry.converter.render.Conversion;
import dev.hl7ferry.converter.render.Converter;
import dev.hl7ferry.converter.render.Output;
import dev.hl7ferry.converter.route.RouteConfigException;
import dev.hl7ferry.converter.route.RouteTable;
import dev.hl7ferry.converter.route.UnmatchedPolicy;
import dev.hl7ferry.converter.store.TemplateCatalog;
import dev.hl7ferry.converter.store.TemplateSet;
import dev.hl7ferry.converter.template.Fresh;
import dev.hl7ferry.converter.template.TemplateException;
import dev.hl7ferry.core.ack.Hl7Timestamp;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one SQS record end to end: envelope (version 1 or 2), payload (inline or fetched, sha256
 * and size checked), routes and templates, then per output a send to the site's outbound queue
 * (inline, or a claim check after a PutObject under a deterministic key). Any failure leaves {@code
 * errors/{site}/{id}.json} (why, which template) and is rethrown.
 */
public final class RecordProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

  /** How a record that did not fail ended. */
  public enum Outcome {
    CONVERTED,
    UNMATCHED_DROPPED
  }

  private final TemplateCatalog catalog;
  private final PayloadStore store;
  private final OutputSender sender;
  private final String outputBucket;
  private final Clock clock;
  private final ObjectMapper json;
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  /**
   * @param inline which outputs travel inside their outbound envelope
   * @param outputBucket where claim-checked outputs and error records go; null means the payload's
   *     own bucket (then an inline envelope has none and fails)
   */
  public RecordProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      OutboundQueues queues,
      InlinePolicy inline,
      String outputBucket,
      Clock clock,
      ObjectMapper json) {
    this.catalog = catalog;
    this.store = store;
    this.sender = new OutputSender(store, queues, inline);
    this.outputBucket = outputBucket;
    this.clock = clock;
    this.json = json;
  }

  /** Processes one record body; throws when the record must be retried or dead-lettered. */
  public Outcome process(String body) throws RecordFailure {
    InboundEnvelope env;
    try {
      env = EnvelopeJson.readInbound(body);
    } catch (IllegalArgumentException e) {
      LOG.warn("rejected envelope sha256={}: {}", Keys.sha256Hex(body), e.getMessage());
      throw new RecordFailure("bad envelope: " + e.getMessage(), null, e);
    }
    try {
      return convert(env);
    } catch (RecordFailure e) {
      recordError(env, e.getMessage(), e.template(), 0, e);
      throw e;
    } catch (TemplateException e) {
      recordError(env, e.getMessage(), e.template(), e.line(), e);
      throw new RecordFailure(e.getMessage(), e.template(), e);
    } catch (IOException | Hl7ParseException | RouteConfigException | RuntimeException e) {
      String why = e.getClass().getSimpleName() + ": " + e.getMessage();
      recordError(env, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    }
  }

  private Outcome convert(InboundEnvelope env)
      throws IOException,
          Hl7ParseException,
          RouteConfigException,
          TemplateException,
          RecordFailure {
    // An inline payload costs no GetObject; either way the bytes must be the ones described.
    byte[] payload = env.inline() ? env.payload() : store.get(env.bucket(), env.key());
    try {
      env.verify(payload);
    } catch (PayloadMismatchException e) {
      throw new RecordFailure(e.getMessage(), null, e);
    }
    Hl7Message message = decoder.decode(payload).message();
    TemplateSet set = catalog.current(clock.instant());
    RouteTable routes = set.routes();
    String now = new Hl7Timestamp(clock).now();
    Conversion conversion =
        Converter.convert(
            message,
            routes,
            set,
            (route, destination) ->
                new Fresh(now, Keys.controlId(env.id(), route.name(), destination)));
    String bucket = bucket(env);
    if (conversion.unmatched()) {
      if (routes.unmatched() == UnmatchedPolicy.DEAD_LETTER) {
        throw new RecordFailure("no route matched (unmatched policy: dead-letter)", null, null);
      }
      put(bucket, Keys.unmatched(env.site(), env.id()), record(env, "no route matched", null, 0));
      LOG.info("unmatched id={} site={} type={} dropped", env.id(), env.site(), typeOf(message));
      return Outcome.UNMATCHED_DROPPED;
    }
    for (Output out : conversion.outputs()) {
      sender.send(env, out, bucket);
    }
    LOG.info(
        "converted id={} site={} type={} outputs={}",
        env.id(),
        env.site(),
        typeOf(message),
        conversion.outputs().size());
    return Outcome.CONVERTED;
  }

  private static String typeOf(Hl7Message message) {
    return message.header().typeAndTrigger();
  }

  private String bucket(InboundEnvelope env) {
    String bucket = outputBucket == null || outputBucket.isBlank() ? env.bucket() : outputBucket;
    if (bucket == null) {
      throw new IllegalStateException("no bucket for outputs: none configured, payload inline");
    }
    return bucket;
  }

  private void recordError(
      InboundEnvelope env, String why, String template, int line, Exception e) {
    LOG.warn("failed id={} site={} template={}: {}", env.id(), env.site(), template, why);
    try {
      put(bucket(env), Keys.error(env.site(), env.id()), record(env, why, template, line));
    } catch (IOException | RuntimeException writeFailure) {
      e.addSuppressed(writeFailure);
      LOG.error("could not write the error record of id={}", env.id(), writeFailure);
    }
  }

  private byte[] record(InboundEnvelope env, String why, String template, int line)
      throws JsonProcessingException {
    ObjectNode r = json.createObjectNode();
    r.put("id", env.id());
    r.put("site", env.site());
    if (env.inline()) {
      // The queue message is the only other copy (gone once dead letters expire): keep the
      // payload with the record, in the same bucket a claim check's payload would be in.
      r.put("payload", "inline");
      r.put("payloadBase64", Base64.getEncoder().encodeToString(env.payload()));
    } else {
      r.put("payload", "s3://" + env.bucket() + "/" + env.key());
    }
    r.put("controlId", env.controlId());
    r.put("messageType", env.messageType());
    r.put("reason", why);
    if (template != null) {
      r.put("template", template);
    }
    if (line > 0) {
      r.put("line", line);
    }
    r.put("at", clock.instant().toString());
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(r);
  }

  private void put(String bucket, String key, byte[] content) throws IOException {
    store.put(bucket, key, content, "application/json");
  }
}
