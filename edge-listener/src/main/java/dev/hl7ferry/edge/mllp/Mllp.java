package dev.hl7ferry.edge.mllp;

/** The MLLP block characters. */
public final class Mllp {
  /** Start block, VT. */
  public static final byte START = 0x0B;

  /** First end block character, FS. */
  public static final byte END = 0x1C;

  /** Second end block character, CR. */
  public static final byte CR = 0x0D;

  private Mllp() {}
}
