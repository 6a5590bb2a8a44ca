package dev.hl7ferry.converter.dispatch;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.converter.render.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends one rendered output to its site's outbound queue: inline in the envelope when the body fits
 * the {@link InlinePolicy}, else as a claim check after a PutObject under the deterministic key. An
 * inline output is written nowhere else, which is the S3 request issue 12 removes.
 */
final class OutputSender {
  private final PayloadStore store;
  private final OutboundQueues queues;
  private final InlinePolicy inline;

  OutputSender(PayloadStore store, OutboundQueues queues, InlinePolicy inline) {
    this.store = store;
    this.queues = queues;
    this.inline = inline;
  }

  /** Sends {@code out}, made from {@code env}; a claim check's object goes to {@code bucket}. */
  void send(InboundEnvelope env, Output out, String bucket) throws IOException {
    byte[] bytes = out.content().getBytes(StandardCharsets.UTF_8);
    String key =
        Keys.output(env.site(), out.destination(), env.id(), out.route(), out.format().extension());
    OutboundEnvelope claimCheck =
        new OutboundEnvelope(
            OutboundEnvelope.VERSION,
            env.id(),
            env.site(),
            out.route(),
            out.destination(),
            out.template(),
            bucket,
            key,
            PayloadDigest.sha256Hex(bytes),
            bytes.length,
            out.contentType());
    OutboundEnvelope notice = inline.choose(claimCheck, bytes);
    if (!notice.inline()) {
      store.put(bucket, key, bytes, out.contentType() + "; charset=utf-8");
    }
    queues.send(
        env.site(),
        out.destination(),
        EnvelopeJson.write(notice),
        Keys.deduplicationId(env.id(), out.route(), out.destination()));
  }
}
