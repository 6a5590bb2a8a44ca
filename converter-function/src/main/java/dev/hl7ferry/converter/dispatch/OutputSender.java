package dev.hl7ferry.converter.dispatch;

import dev.hl7ferry.contract.envelope.EnvelopeJson;
import dev.hl7ferry.contract.envelope.InlinePolicy;
import dev.hl7ferry.contract.envelope.OutboundEnvelope;
import dev.hl7ferry.contract.envelope.PayloadDigest;
import dev.hl7ferry.converter.destination.CloudDestination;
import dev.hl7ferry.converter.destination.CloudSender;
import dev.hl7ferry.converter.destination.Delivery;
import dev.hl7ferry.converter.render.Output;
import dev.hl7ferry.converter.route.RouteTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends one rendered output where its destination is. A cloud destination of the routes file gets
 * it through the {@link CloudSender} with its deterministic delivery id. Any other name is an edge
 * destination: the output goes to the site's outbound queue (through the batch's {@link Outbox}),
 * inline in the envelope when the body fits the {@link InlinePolicy}, else as a claim check after a
 * PutObject under the deterministic key.
 */
final class OutputSender {
  private final PayloadStore store;
  private final InlinePolicy inline;
  private final CloudSender cloud;

  OutputSender(PayloadStore store, InlinePolicy inline, CloudSender cloud) {
    this.store = store;
    this.inline = inline;
    this.cloud = cloud;
  }

  /**
   * Sends {@code out}, made from the input {@code id} of {@code site}: at once to a cloud
   * destination, else into {@code slot} for the batch's outbound sends; a claim check's object goes
   * to {@code bucket} first.
   */
  void send(String id, String site, Output out, String bucket, RouteTable routes, Outbox.Slot slot)
      throws IOException {
    byte[] bytes = out.content().getBytes(StandardCharsets.UTF_8);
    String outputId = Keys.deduplicationId(id, out.route(), out.destination());
    CloudDestination target = routes.cloud(out.destination());
    if (target != null) {
      cloud.send(
          target,
          new Delivery(
              outputId,
              id,
              site,
              out.route(),
              out.destination(),
              out.contentType(),
              out.format().extension(),
              bytes));
      return;
    }
    String key = Keys.output(site, out.destination(), id, out.route(), out.format().extension());
    OutboundEnvelope claimCheck =
        new OutboundEnvelope(
            OutboundEnvelope.VERSION,
            id,
            site,
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
    slot.add(site, new OutboundMessage(out.destination(), EnvelopeJson.write(notice), outputId));
  }
}
