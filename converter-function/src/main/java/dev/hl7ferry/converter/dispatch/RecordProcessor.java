package dev.hl7ferry.converter.dispatch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import dev.hl7ferry.converter.original.Original;
import dev.hl7ferry.converter.original.Originals;
import dev.hl7ferry.converter.render.Conversion;
import dev.hl7ferry.converter.render.Converter;
import dev.hl7ferry.converter.render.Output;
import dev.hl7ferry.converter.route.RouteConfigException;
import dev.hl7ferry.converter.route.RouteInput;
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
import dev.hl7ferry.core.log.LogSafe;
import dev.hl7ferry.core.message.Hl7Message;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one SQS record end to end: envelope (version 1 or 2; site and id checked, a claim check
 * only for this function's bucket under {@code inbound/{site}/}, a payload no larger than the
 * limit), payload (inline or fetched, sha256 and size checked), routes and templates (on a {@link
 * RenderWorker} under a time limit), then per output a send to the site's outbound queue (inline,
 * or a claim check after a PutObject under a deterministic key) or to a cloud destination (after
 * keeping the original for the vendor's answer). Any failure leaves {@code errors/{site}/{id}.json}
 * (why, which template) and is rethrown. Reasons in logs and error records name positions and
 * codes, never a value from the message.
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
  private final OutputSender sender;
  private final Originals originals;
  private final String outputBucket;
  private final RecordLimits limits;
  private final RenderWorker worker;
  private final Clock clock;
  private final ObjectMapper json;
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  /** With the default {@link RecordLimits} and no cloud destinations. */
  public RecordProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      OutboundQueues queues,
      InlinePolicy inline,
      String outputBucket,
      Clock clock,
      ObjectMapper json) {
    this(catalog, store, queues, inline, outputBucket, RecordLimits.DEFAULTS, clock, json);
  }

  /** With no cloud destinations. */
  public RecordProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      OutboundQueues queues,
      InlinePolicy inline,
      String bucket,
      RecordLimits limits,
      Clock clock,
      ObjectMapper json) {
    this(catalog, store, queues, Clouds.NONE, inline, bucket, limits, clock, json);
  }

  /**
   * @param inline which outputs travel inside their outbound envelope
   * @param bucket the function's bucket: the only one claim checks may point into, and where
   *     claim-checked outputs and error records go
   * @param limits payload size and render time per record
   * @param clouds cloud destinations and the originals kept for vendors' results
   */
  public RecordProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      OutboundQueues queues,
      Clouds clouds,
      InlinePolicy inline,
      String bucket,
      RecordLimits limits,
      Clock clock,
      ObjectMapper json) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("the function's bucket is required");
    }
    this.catalog = catalog;
    this.store = store;
    this.queues = queues;
    this.sender = new OutputSender(store, inline, clouds.sender());
    this.originals = clouds.originals();
    this.outputBucket = bucket;
    this.limits = limits;
    this.worker = new RenderWorker(limits.renderTimeout());
    this.clock = clock;
    this.json = json;
  }

  /**
   * Processes one record body and sends its outputs at once; throws when the record must be retried
   * or dead-lettered.
   */
  public Outcome process(String body) throws RecordFailure {
    Outbox outbox = outbox();
    Outcome outcome = process(body, outbox.slot(0));
    String notSent = outbox.flush().get(0);
    if (notSent != null) {
      throw new RecordFailure(notSent, null, null);
    }
    return outcome;
  }

  /** An outbox over this processor's outbound queues, for one batch. */
  Outbox outbox() {
    return new Outbox(queues);
  }

  /**
   * Processes one record body, its edge outputs held in {@code slot} until the batch's flush;
   * throws when the record must be retried or dead-lettered.
   */
  Outcome process(String body, Outbox.Slot slot) throws RecordFailure {
    InboundEnvelope env;
    try {
      env = EnvelopeJson.readInbound(body);
    } catch (IllegalArgumentException e) {
      String why = envelopeProblem(e);
      LOG.warn("rejected envelope sha256={}: {}", Keys.sha256Hex(body), why);
      throw new RecordFailure("bad envelope: " + why, null, e);
    }
    String address = EnvelopeRules.addressProblem(env);
    if (address != null) {
      LOG.warn("rejected envelope sha256={}: {}", Keys.sha256Hex(body), address);
      throw new RecordFailure("bad envelope: " + address, null, null);
    }
    try {
      return convert(env, slot);
    } catch (RecordFailure e) {
      recordError(env, e.getMessage(), e.template(), 0, e);
      throw e;
    } catch (TemplateException e) {
      recordError(env, e.getMessage(), e.template(), e.line(), e);
      throw new RecordFailure(e.getMessage(), e.template(), e);
    } catch (Hl7ParseException e) {
      String why =
          "not HL7: error "
              + e.error().code().code()
              + (e.error().location() == null ? "" : " at " + e.error().location());
      recordError(env, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    } catch (IOException | RouteConfigException e) {
      // Our own texts: object keys, route file problems; no message values.
      String why = e.getClass().getSimpleName() + ": " + e.getMessage();
      recordError(env, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    } catch (RuntimeException e) {
      // A JDK or library message may quote what it failed on: the class only.
      String why = "failed (" + e.getClass().getSimpleName() + ")";
      recordError(env, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    }
  }

  /** The envelope's problem without the JSON parser's text (which quotes the body). */
  private static String envelopeProblem(IllegalArgumentException e) {
    if (e.getCause() instanceof JsonProcessingException jpe) {
      JsonLocation at = jpe.getLocation();
      return at == null
          ? "envelope is not valid JSON"
          : "envelope is not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
    return LogSafe.text(e.getMessage());
  }

  private Outcome convert(InboundEnvelope env, Outbox.Slot slot)
      throws IOException,
          Hl7ParseException,
          RouteConfigException,
          TemplateException,
          RecordFailure {
    String problem = EnvelopeRules.payloadProblem(env, outputBucket, limits.maxInputBytes());
    if (problem != null) {
      throw new RecordFailure(problem, null, null);
    }
    // An inline payload costs no GetObject; either way the bytes must be the ones described, and
    // an object larger than described is refused before it is read.
    byte[] payload = env.inline() ? env.payload() : store.get(env.bucket(), env.key(), env.size());
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
        render(
            () ->
                Converter.convert(
                    RouteInput.inbound(message, env.site()),
                    null,
                    routes,
                    set,
                    (route, destination) ->
                        new Fresh(now, Keys.controlId(env.id(), route.name(), destination))));
    String bucket = outputBucket;
    if (conversion.unmatched()) {
      if (routes.unmatched() == UnmatchedPolicy.DEAD_LETTER) {
        throw new RecordFailure("no route matched (unmatched policy: dead-letter)", null, null);
      }
      put(bucket, Keys.unmatched(env.site(), env.id()), record(env, "no route matched", null, 0));
      LOG.info("unmatched id={} site={} type={} dropped", env.id(), env.site(), typeOf(message));
      return Outcome.UNMATCHED_DROPPED;
    }
    if (conversion.outputs().stream().anyMatch(o -> routes.cloud(o.destination()) != null)) {
      // Before any cloud destination sees the message: a fast vendor's answer must find it.
      originals.put(
          env.site(),
          new Original(
              env.id(), env.sendingApplication(), env.sendingFacility(), env.controlId(), payload));
    }
    slot.onFailure(why -> recordError(env, why, null, 0, new RecordFailure(why, null, null)));
    for (Output out : conversion.outputs()) {
      sender.send(env.id(), env.site(), out, bucket, routes, slot);
    }
    LOG.info(
        "converted id={} site={} type={} outputs={}",
        env.id(),
        env.site(),
        typeOf(message),
        conversion.outputs().size());
    return Outcome.CONVERTED;
  }

  /** Routing and rendering on the worker, under the time limit. */
  private Conversion render(Callable<Conversion> work) throws TemplateException, RecordFailure {
    try {
      return worker.call(work);
    } catch (TemplateException | RecordFailure | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("rendering threw " + e.getClass().getSimpleName(), e);
    }
  }

  private static String typeOf(Hl7Message message) {
    return LogSafe.text(message.header().typeAndTrigger());
  }

  private void recordError(
      InboundEnvelope env, String why, String template, int line, Exception e) {
    LOG.warn("failed id={} site={} template={}: {}", env.id(), env.site(), template, why);
    try {
      put(outputBucket, Keys.error(env.site(), env.id()), record(env, why, template, line));
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
