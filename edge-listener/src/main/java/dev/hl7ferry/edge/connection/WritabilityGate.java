package dev.hl7ferry.edge.connection;

import dev.hl7ferry.edge.mllp.ReadPause;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stops reading from a peer that does not read its replies: while the socket's outbound buffer is
 * above its high-water mark no new message is taken in, so replies cannot pile up without bound.
 */
public final class WritabilityGate extends ChannelInboundHandlerAdapter {

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable()) {
      ReadPause.of(ctx.channel()).resume(ReadPause.Reason.UNWRITABLE);
    } else {
      ReadPause.of(ctx.channel()).pause(ReadPause.Reason.UNWRITABLE);
    }
    super.channelWritabilityChanged(ctx);
  }
}
