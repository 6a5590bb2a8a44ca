package dev.hl7ferry.core.corpus;

import dev.hl7ferry.core.message.Delimiters;
import dev.hl7ferry.core.message.Hl7Message;
import java.util.List;
import java.util.Map;

/**
 * Where HAPI hl7v2 2.6.0 reads the corpus differently from us, leaf by leaf, with the reason; the
 * same list is in the module README under "Differences from HAPI".
 */
final class HapiDifferences {
  /**
   * Leaf location to (our value, HAPI's value). HAPI keeps {@code \.br\}, {@code \H\}/{@code \N\}
   * and {@code \Xhh\} verbatim and turns the v2.7 truncation escape {@code \P\} into the letter P;
   * we decode {@code \.br\} to a line break, {@code \Xhh\} to the bytes' characters and {@code \P\}
   * to the truncation character, and also keep {@code \H\}/{@code \N\} verbatim.
   */
  static final Map<String, List<String>> LEAVES =
      Map.of(
          "adt_a31_v27_truncation NTE(1)-3(1).1.1",
          List.of("Nickname uses a hash # sign: BEA#1", "Nickname uses a hash P sign: BEAP1"),
          "mdm_t02_v25 OBX(1)-5(1).1.1",
          List.of(
              "Patient stable.\nFollow up in 2 weeks.\nDiet: low salt & low sugar.",
              "Patient stable.\\.br\\Follow up in 2 weeks.\\.br\\Diet: low salt & low sugar."),
          "oru_r01_v251_escapes OBX(2)-5(1).1.1",
          List.of(
              "Line one\nLine two\n\\H\\Bold\\N\\ end",
              "Line one\\.br\\Line two\\.br\\\\H\\Bold\\N\\ end"),
          "oru_r01_v251_escapes OBX(3)-5(1).1.1",
          List.of("Hex AB done", "Hex \\X41\\\\X42\\ done"));

  private HapiDifferences() {}

  /** Whether {@code raw} holds an escape other than the five delimiter escapes. */
  static boolean escapesHapiReadsDifferently(String raw, Hl7Message message) {
    char esc = message.delimiters().escape();
    if (esc == Delimiters.NONE) {
      return false;
    }
    for (int i = raw.indexOf(esc); i >= 0 && i + 1 < raw.length(); i = raw.indexOf(esc, i + 1)) {
      int close = raw.indexOf(esc, i + 1);
      if (close < 0) {
        return false;
      }
      String body = raw.substring(i + 1, close);
      if (!(body.length() == 1 && "FSTRE".indexOf(body.charAt(0)) >= 0)) {
        return true;
      }
      i = close;
    }
    return false;
  }
}
