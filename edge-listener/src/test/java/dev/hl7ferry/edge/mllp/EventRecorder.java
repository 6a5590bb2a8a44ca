package dev.hl7ferry.edge.mllp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/** Test handler that records the framing events passing through it. */
final class EventRecorder extends ChannelInboundHandlerAdapter {
  final List<Object> events = new ArrayList<>();

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    events.add(evt);
    super.userEventTriggered(ctx, evt);
  }

  int skipped() {
    return events.stream()
        .filter(e -> e instanceof FramingEvent.BytesSkipped)
        .mapToInt(e -> ((FramingEvent.BytesSkipped) e).count())
        .sum();
  }
}
