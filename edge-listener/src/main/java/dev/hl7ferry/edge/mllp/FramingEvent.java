package dev.hl7ferry.edge.mllp;

/** User events fired by {@link MllpFrameDecoder} so that other handlers can react to framing. */
public sealed interface FramingEvent {

  /** A start block arrived and its frame is not complete yet. Fired on every such read. */
  record FramePending() implements FramingEvent {}

  /**
   * How many bytes the decoder holds for the unfinished frame (received so far, or the kept head of
   * an oversized one); fired just before each {@link FramePending}.
   */
  record Held(long bytes) implements FramingEvent {}

  /** Bytes outside any frame (CR, LF, NUL, junk, an abandoned partial frame) were skipped. */
  record BytesSkipped(int count) implements FramingEvent {}

  /** The shared instance of {@link FramePending}. */
  FramePending PENDING = new FramePending();
}
