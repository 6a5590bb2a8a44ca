package dev.hl7ferry.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.GenericSegment;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Segment;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every fixture, the values we read agree with what HAPI hl7v2 reads. */
class HapiCrossCheckTest {
  static final List<String> HEADER_PATHS =
      List.of(
          "MSH-1",
          "MSH-2",
          "MSH-3",
          "MSH-3.2",
          "MSH-4",
          "MSH-5",
          "MSH-6",
          "MSH-7",
          "MSH-9",
          "MSH-9.1",
          "MSH-9.2",
          "MSH-9.3",
          "MSH-10",
          "MSH-11",
          "MSH-11.2",
          "MSH-12",
          "MSH-15",
          "MSH-16",
          "MSH-18");
  static final List<String> BODY_PATHS =
      List.of(
          "PID-3",
          "PID-3.4",
          "PID-3(2).1",
          "PID-3(2).4",
          "PID-5",
          "PID-5.1",
          "PID-5.2",
          "PID-5(2).1",
          "PID-7",
          "PID-11.3",
          "OBX-3",
          "OBX-3.2",
          "OBX-5",
          "OBR-4.2",
          "NTE-3");

  private final HapiContext hapi = hapiContext();

  static List<String> fixtures() {
    return Fixtures.names();
  }

  static HapiContext hapiContext() {
    HapiContext context = new DefaultHapiContext(new GenericModelClassFactory());
    context.setValidationContext(ValidationContextFactory.noValidation());
    return context;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void headerAndCommonFieldsAgreeWithHapiTerser(String name) throws Exception {
    String text = Fixtures.expectedText(name);
    Hl7Message ours = Hl7Message.parse(text);
    Terser terser = new Terser(hapi.getPipeParser().parse(text));
    List<String> paths = new ArrayList<>(HEADER_PATHS);
    for (String path : BODY_PATHS) {
      if (ours.segment(path.substring(0, 3), 1) != null) {
        paths.add(path);
      }
    }
    for (String path : paths) {
      if (HapiDifferences.escapesHapiReadsDifferently(ours.raw(Hl7Path.parse(path)), ours)) {
        continue; // checked leaf by leaf against the documented list below
      }
      String theirs = terser.get("/." + toTerser(path));
      assertEquals(nullToEmpty(theirs), ours.get(path), name + " " + path);
    }
  }

  @Test
  void hapiReadsDifferentlyOnlyTheDocumentedEscapes() throws Exception {
    Map<String, List<String>> differences = new TreeMap<>();
    for (String name : Fixtures.names()) {
      compareEveryLeaf(name, differences);
    }
    assertEquals(HapiDifferences.LEAVES, differences);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyLeafOfEverySegmentAgreesWithHapi(String name) throws Exception {
    compareEveryLeaf(name, new TreeMap<>());
  }

  /**
   * Compares every leaf with HAPI's reading of the same segment; leaves holding escapes that HAPI
   * reads differently are collected into {@code differences} as (ours, HAPI's) instead.
   */
  private void compareEveryLeaf(String name, Map<String, List<String>> differences)
      throws Exception {
    Hl7Message ours = Hl7Message.parse(Fixtures.expectedText(name));
    PipeParser parser = hapi.getPipeParser();
    EncodingCharacters enc =
        new EncodingCharacters(ours.delimiters().field(), ours.msh().raw(2).substring(0, 4));
    var holder = parser.parse(Fixtures.expectedText(name));
    Map<String, Integer> occurrences = new TreeMap<>();
    for (Segment segment : ours.segments()) {
      int occurrence = occurrences.merge(segment.name(), 1, Integer::sum);
      GenericSegment theirs = new GenericSegment(holder, segment.name());
      parser.parse(theirs, segment.text(), enc);
      for (int n = 1; n <= segment.fieldCount(); n++) {
        int reps = Math.max(1, segment.repetitionCount(n));
        for (int r = 1; r <= reps; r++) {
          int comps =
              CorpusRoundTripTest.count(segment.raw(n, r, 0, 0), enc.getComponentSeparator());
          for (int c = 1; c <= comps; c++) {
            int subs =
                CorpusRoundTripTest.count(segment.raw(n, r, c, 0), enc.getSubcomponentSeparator());
            for (int s = 1; s <= subs; s++) {
              String where =
                  name
                      + " "
                      + segment.name()
                      + "("
                      + occurrence
                      + ")-"
                      + n
                      + "("
                      + r
                      + ")."
                      + c
                      + "."
                      + s;
              String hapiValue = nullToEmpty(Terser.get(theirs, n, r - 1, c, s));
              String ourValue = segment.value(n, r, c, s);
              if (HapiDifferences.escapesHapiReadsDifferently(segment.raw(n, r, c, s), ours)) {
                differences.put(where, List.of(ourValue, hapiValue));
              } else {
                assertEquals(hapiValue, ourValue, where);
              }
            }
          }
        }
      }
    }
  }

  /** Our {@code PID-3(2).1} is Terser's {@code PID-3(1)-1}: Terser repetitions are 0-based. */
  static String toTerser(String path) {
    var p = Hl7Path.parse(path);
    StringBuilder out = new StringBuilder(p.segment()).append('-').append(p.field());
    if (p.repetition() > 1) {
      out.append('(').append(p.repetition() - 1).append(')');
    }
    if (p.component() > 0) {
      out.append('-').append(p.component());
    }
    if (p.subcomponent() > 0) {
      out.append('-').append(p.subcomponent());
    }
    return out.toString();
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
