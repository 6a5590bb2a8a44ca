package dev.hl7ferry.converter.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.contract.result.ResultJson;
import dev.hl7ferry.converter.original.Original;
import dev.hl7ferry.converter.original.Originals;
import dev.hl7ferry.converter.render.Conversion;
import dev.hl7ferry.converter.render.Converter;
import dev.hl7ferry.converter.render.Output;
import dev.hl7ferry.converter.result.BadResultException;
import dev.hl7ferry.converter.result.ResultPayload;
import dev.hl7ferry.converter.result.ResultRules;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record of a vendor's results queue: the result envelope, the vendor's right to the
 * site, the payload (inline or a claim check under {@code results/{vendor}/}, sha256 checked,
 * parsed), the original it answers (by its correlation), then the result routes with the site's
 * template seeing both, and each output sent like any other. Any failure leaves {@code
 * errors/results/{vendor}/{id}.json} with the reason and is rethrown, so the record is retried and
 * then dead-lettered by the queue's redrive policy; only that record fails.
 */
public final class ResultProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(ResultProcessor.class);

  private final TemplateCatalog catalog;
  private final PayloadStore store;
  private final OutputSender sender;
  private final Originals originals;
  private final String bucket;
  private final RecordLimits limits;
  private final RenderWorker worker;
  private final Clock clock;
  private final ObjectMapper json;
  private final Function<String, Set<String>> deployedSites;
  private final MessageDecoder decoder = new MessageDecoder(CharsetPolicy.DEFAULT);

  /**
   * Its edge outputs go through the batch's {@link Outbox} (the inbound {@link RecordProcessor}'s
   * outbound queues).
   *
   * @param deployedSites per vendor the sites the deployment allows ({@code
   *     FERRY_VENDOR_SITES_{VENDOR}}), null where it sets none
   */
  public ResultProcessor(
      TemplateCatalog catalog,
      PayloadStore store,
      Clouds clouds,
      dev.hl7ferry.contract.envelope.InlinePolicy inline,
      String bucket,
      RecordLimits limits,
      Clock clock,
      ObjectMapper json,
      Function<String, Set<String>> deployedSites) {
    this.deployedSites = deployedSites;
    this.catalog = catalog;
    this.store = store;
    this.sender = new OutputSender(store, inline, clouds.sender());
    this.originals = clouds.originals();
    this.bucket = bucket;
    this.limits = limits;
    this.worker = new RenderWorker(limits.renderTimeout());
    this.clock = clock;
    this.json = json;
  }

  /**
   * Processes one result from {@code vendor}'s queue, its edge outputs held in {@code slot} until
   * the batch's flush; throws when it must be retried.
   */
  void process(String vendor, String body, Outbox.Slot slot) throws RecordFailure {
    ResultEnvelope result;
    try {
      result = ResultJson.read(body);
    } catch (IllegalArgumentException e) {
      String why = "bad result envelope: " + LogSafe.text(e.getMessage());
      String id = "body-" + Keys.sha256Hex(body == null ? "" : body);
      fail(vendor, id, null, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    }
    String id = Keys.resultEntryId(vendor, result.site(), result.resultId());
    try {
      convert(vendor, id, result, slot);
    } catch (TemplateException e) {
      fail(vendor, id, result, e.getMessage(), e.template(), e.line(), e);
      throw new RecordFailure(e.getMessage(), e.template(), e);
    } catch (RecordFailure e) {
      fail(vendor, id, result, e.getMessage(), e.template(), 0, e);
      throw e;
    } catch (BadResultException | IOException | RouteConfigException e) {
      // Our own texts: rules, positions, keys; no payload values.
      fail(vendor, id, result, e.getMessage(), null, 0, e);
      throw new RecordFailure(e.getMessage(), null, e);
    } catch (Hl7ParseException e) {
      String why = "the original is not HL7: error " + e.error().code().code();
      fail(vendor, id, result, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    } catch (RuntimeException e) {
      String why = "failed (" + e.getClass().getSimpleName() + ")";
      fail(vendor, id, result, why, null, 0, e);
      throw new RecordFailure(why, null, e);
    }
  }

  private void convert(String vendor, String id, ResultEnvelope result, Outbox.Slot slot)
      throws IOException,
          RouteConfigException,
          BadResultException,
          Hl7ParseException,
          TemplateException,
          RecordFailure {
    TemplateSet set = catalog.current(clock.instant());
    RouteTable routes = set.routes();
    String rule =
        ResultRules.problem(
            vendor, result, routes, deployedSites.apply(vendor), bucket, limits.maxInputBytes());
    if (rule != null) {
      throw new BadResultException(rule, null);
    }
    byte[] payload =
        result.inline() ? result.payload() : store.get(bucket, result.key(), result.size());
    try {
      result.verify(payload);
    } catch (PayloadMismatchException e) {
      throw new BadResultException(e.getMessage(), e);
    }
    Object value = ResultPayload.parse(result.contentType(), payload);
    Optional<Original> original = originals.find(result.site(), result.correlation());
    if (original.isEmpty()) {
      throw new BadResultException(
          "no original for correlation "
              + LogSafe.text(result.correlation().toString())
              + " at site "
              + result.site(),
          null);
    }
    Hl7Message message = decoder.decode(original.get().payload()).message();
    RouteInput input = RouteInput.result(message, result.site(), vendor, result.resultType());
    String now = new Hl7Timestamp(clock).now();
    Conversion conversion = render(input, value, routes, set, id, now);
    if (conversion.unmatched()) {
      if (routes.unmatched() == UnmatchedPolicy.DEAD_LETTER) {
        throw new RecordFailure(
            "no result route matched (unmatched policy: dead-letter)", null, null);
      }
      store.put(
          bucket,
          Keys.resultUnmatched(vendor, id),
          record(vendor, result, "no result route matched", null, 0),
          "application/json");
      LOG.info("result unmatched vendor={} id={} site={} dropped", vendor, id, result.site());
      return;
    }
    slot.onFailure(
        why -> fail(vendor, id, result, why, null, 0, new RecordFailure(why, null, null)));
    for (Output out : conversion.outputs()) {
      sender.send(id, result.site(), out, bucket, routes, slot);
    }
    LOG.info(
        "result converted vendor={} id={} site={} type={} entry={} outputs={}",
        vendor,
        id,
        result.site(),
        LogSafe.text(result.resultType()),
        original.get().entryId(),
        conversion.outputs().size());
  }

  private Conversion render(
      RouteInput input, Object value, RouteTable routes, TemplateSet set, String id, String now)
      throws TemplateException, RecordFailure {
    try {
      return worker.call(
          () ->
              Converter.convert(
                  input,
                  value,
                  routes,
                  set,
                  (route, destination) ->
                      new Fresh(now, Keys.controlId(id, route.name(), destination))));
    } catch (TemplateException | RecordFailure | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("rendering threw " + e.getClass().getSimpleName(), e);
    }
  }

  private void fail(
      String vendor,
      String id,
      ResultEnvelope result,
      String why,
      String template,
      int line,
      Exception e) {
    LOG.warn("result failed vendor={} id={} template={}: {}", vendor, id, template, why);
    try {
      store.put(
          bucket,
          Keys.resultError(vendor, id),
          record(vendor, result, why, template, line),
          "application/json");
    } catch (IOException | RuntimeException writeFailure) {
      e.addSuppressed(writeFailure);
      LOG.error("could not write the error record of result id={}", id, writeFailure);
    }
  }

  /** Ids, rule and position only; the payload stays in the queue message (and its DLQ). */
  private byte[] record(String vendor, ResultEnvelope result, String why, String template, int line)
      throws JsonProcessingException {
    ObjectNode r = json.createObjectNode();
    r.put("vendor", vendor);
    if (result != null) {
      r.put("resultId", result.resultId());
      r.put("site", result.site());
      r.put("resultType", result.resultType());
      r.put("correlation", result.correlation().toString());
      r.put("payload", result.inline() ? "inline" : "s3://" + result.bucket() + "/" + result.key());
      r.put("sha256", result.sha256());
      r.put("size", result.size());
    }
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
}
