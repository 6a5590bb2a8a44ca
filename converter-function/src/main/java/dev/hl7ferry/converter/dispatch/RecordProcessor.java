package dev.hl7ferry.converter.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one SQS record end to end: envelope, payload (sha256 checked), routes and templates, then
 * per output a PutObject under a deterministic key and a send to the site's outbound queue. Any
 * failure leaves {@code errors/{site}/{id}.json} (why, which template) and is rethrown.
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
  private final OutboundQueues queues;
  private final String outputBucket;
  private final Clock clock;
  private final ObjectMapper json;
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  /**
   * @param outputBucket where outputs and error records go; null means the payload's own bucket
   */
  public RecordProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      OutboundQueues queues,
      String outputBucket,
      Clock clock,
      ObjectMapper json) {
    this.catalog = catalog;
    this.store = store;
    this.queues = queues;
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
    byte[] payload = store.get(env.bucket(), env.key());
    String digest = Keys.sha256Hex(payload);
    if (!digest.equals(env.sha256()) || (env.size() > 0 && env.size() != payload.length)) {
      throw new RecordFailure(
          "payload sha256/size mismatch: envelope "
              + env.sha256()
              + "/"
              + env.size()
              + ", object "
              + digest
              + "/"
              + payload.length,
          null,
          null);
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
      byte[] bytes = out.content().getBytes(StandardCharsets.UTF_8);
      String key =
          Keys.output(
              env.site(), out.destination(), env.id(), out.route(), out.format().extension());
      store.put(bucket, key, bytes, out.contentType() + "; charset=utf-8");
      OutboundEnvelope notice =
          new OutboundEnvelope(
              OutboundEnvelope.VERSION,
              env.id(),
              env.site(),
              out.route(),
              out.destination(),
              out.template(),
              bucket,
              key,
              Keys.sha256Hex(bytes),
              bytes.length,
              out.contentType());
      queues.send(
          env.site(),
          out.destination(),
          EnvelopeJson.write(notice),
          Keys.deduplicationId(env.id(), out.route(), out.destination()));
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
    return outputBucket == null || outputBucket.isBlank() ? env.bucket() : outputBucket;
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
    r.put("payload", "s3://" + env.bucket() + "/" + env.key());
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
