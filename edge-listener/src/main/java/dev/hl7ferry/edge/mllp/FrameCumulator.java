package dev.hl7ferry.edge.mllp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * How {@link MllpFrameDecoder} keeps a frame that spans reads: each read's bytes copied into a heap
 * array of exactly their length and added to a composite buffer, the (direct, pooled) read buffer
 * released at once. So what a partial frame holds is its length, on the heap, where the in-flight
 * budget counts it — not a direct buffer grown by doubling (Netty's default), whose capacity and
 * pooled chunks nobody counts. A read that holds no earlier bytes is used as it is: a frame that
 * arrives in one read (the usual small message) is never copied here.
 */
final class FrameCumulator implements ByteToMessageDecoder.Cumulator {

  @Override
  public ByteBuf cumulate(ByteBufAllocator alloc, ByteBuf cumulation, ByteBuf in) {
    if (!cumulation.isReadable()) {
      cumulation.release();
      return in;
    }
    try {
      CompositeByteBuf composite;
      if (cumulation instanceof CompositeByteBuf existing) {
        composite = existing;
        composite.discardReadComponents();
      } else {
        composite = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        try {
          composite.addComponent(true, copy(cumulation));
        } finally {
          cumulation.release();
        }
      }
      if (in.isReadable()) {
        composite.addComponent(true, copy(in));
      }
      return composite;
    } finally {
      in.release();
    }
  }

  /** Bytes held for {@code cumulation}: its length once on the heap, else its whole capacity. */
  static long held(ByteBuf cumulation) {
    return cumulation instanceof CompositeByteBuf
        ? cumulation.readableBytes()
        : Math.max(cumulation.capacity(), cumulation.readableBytes());
  }

  private static ByteBuf copy(ByteBuf from) {
    byte[] bytes = new byte[from.readableBytes()];
    from.getBytes(from.readerIndex(), bytes);
    return Unpooled.wrappedBuffer(bytes);
  }
}
