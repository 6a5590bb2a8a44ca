package dev.hl7ferry.e2e;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The vendor loop's template store ({@code src/test/resources/loop-store}): ORM^O01 to the vendor's
 * AI queue as JSON, the {@code ai-score} result back as an ORU to the {@code ris} sink, and the
 * stack that runs it.
 */
final class LoopStore {
  /** The vendor of the loop store's routes. */
  static final String VENDOR = "demo-ai";

  /** The destination of the rendered ORU (a sink of the stack). */
  static final String RIS = "ris";

  private LoopStore() {}

  /** The stack of the loop: the vendor's queues, the {@code ris} sink, the loop store. */
  static FerryStack.Builder stack() throws URISyntaxException {
    Path store =
        Path.of(LoopStore.class.getResource("/loop-store/routes.yaml").toURI()).getParent();
    return FerryStack.builder().vendor(VENDOR).sink(RIS).templates(store);
  }

  /**
   * An ORM^O01 from the RIS of facility HOSPA, order {@code n}: control id {@code ORM{n}}, placer
   * {@code PLC{n}}, filler {@code FIL{n}}, accession {@code ACC{n}}, patient {@code PAT{n}}.
   */
  static byte[] order(int n) {
    return ("MSH|^~\\&|RIS|HOSPA|FERRY|HOSPA|20261130081500||ORM^O01^ORM_O01|ORM"
            + n
            + "|P|2.5.1\rPID|1||PAT"
            + n
            + "^^^HOSPA^MR||TESTPERSON^ALEX\rORC|NW|PLC"
            + n
            + "^RIS|FIL"
            + n
            + "^PACS||SC\rOBR|1|PLC"
            + n
            + "^RIS|FIL"
            + n
            + "^PACS|71250^CT chest^CPT|||20261130081000|||||||||||ACC"
            + n
            + "||||||CT\r")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
