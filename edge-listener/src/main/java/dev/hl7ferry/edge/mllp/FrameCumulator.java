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
 * pooled chunks nobody counts. Small reads (a sender trickling bytes) are merged with the piece
 * before them up to {@value #PIECE} bytes, so no piece costs more in bookkeeping than in bytes. A
 * read that holds no earlier bytes is used as it is: a frame that arrives in one read (the usual
 * small message) is never copied here.
 */
final class FrameCumulator implements ByteToMessageDecoder.Cumulator {
  /** Two neighbouring pieces smaller than this together are merged into one. */
  static final int PIECE = 4 * 1024;

  /** What one piece costs beside its bytes (its wrapper buffer and the composite's entry). */
  static final int PIECE_OVERHEAD = 128;

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
          add(composite, cumulation);
        } finally {
          cumulation.release();
        }
      }
      if (in.isReadable()) {
        add(composite, in);
      }
      return composite;
    } finally {
      in.release();
    }
  }

  /** Bytes held for {@code cumulation}: its length and pieces on the heap, else its capacity. */
  static long held(ByteBuf cumulation) {
    if (cumulation instanceof CompositeByteBuf pieces) {
      return pieces.readableBytes() + (long) pieces.numComponents() * PIECE_OVERHEAD;
    }
    return Math.max(cumulation.capacity(), cumulation.readableBytes());
  }

  private static void add(CompositeByteBuf composite, ByteBuf from) {
    byte[] bytes = new byte[from.readableBytes()];
    from.getBytes(from.readerIndex(), bytes);
    composite.addComponent(true, Unpooled.wrappedBuffer(bytes));
    int n = composite.numComponents();
    if (n >= 2) {
      int last = composite.capacity() - composite.toByteIndex(n - 1);
      int before = composite.toByteIndex(n - 1) - composite.toByteIndex(n - 2);
      if (last + before <= PIECE) {
        composite.consolidate(n - 2, 2); // keeps the reader and writer index
      }
    }
  }
}
