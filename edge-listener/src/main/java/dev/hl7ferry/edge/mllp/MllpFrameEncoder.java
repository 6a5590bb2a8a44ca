package dev.hl7ferry.edge.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Wraps an outgoing {@link MllpFrame} in {@code 0x0B ... 0x1C 0x0D}. Stateless. */
@Sharable
public final class MllpFrameEncoder extends MessageToByteEncoder<MllpFrame> {

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, MllpFrame msg, boolean preferDirect) {
    return ctx.alloc().ioBuffer(msg.payload().length + 3);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, MllpFrame msg, ByteBuf out) {
    out.writeByte(Mllp.START).writeBytes(msg.payload()).writeByte(Mllp.END).writeByte(Mllp.CR);
  }
}
