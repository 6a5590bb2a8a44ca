package dev.hl7ferry.converter.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.message.Hl7Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteLoaderTest {
  private static final String ORU =
      "MSH|^~\\&|LAB^X|VEND^1.2^ISO|HIS|HOSP|20260101||ORU^R01^ORU_R01|C1|P|2.5.1\r"
          + "OBR|1||F|CBC^Blood\r";

  private static List<String> names(String yaml) throws Exception {
    return RouteLoader.parse("routes.yaml", yaml).select(Hl7Message.parse(ORU)).stream()
        .map(Route::name)
        .toList();
  }

  private static final String TWO =
      "routes:\n"
          + "  - name: a\n"
          + "    when: [{field: sending-facility.2, equals: '1.2'}, {field: version, in: [2.5.1]}]\n"
          + "    template: t.liquid\n"
          + "    destinations: [d]\n"
          + "  - name: b\n"
          + "    when: [{field: OBR-4.1, prefix: CB}, {field: PID-3, exists: false},"
          + " {field: processing-id, equals: P}, {field: trigger-event, equals: R01}]\n"
          + "    template: t.liquid\n"
          + "    destinations: [d, e]\n";

  @Test
  void firstMatchStopsAtTheFirstRoute() throws Exception {
    assertEquals(List.of("a"), names(TWO));
  }

  @Test
  void fanOutKeepsEveryMatchingRouteInOrder() throws Exception {
    assertEquals(List.of("a", "b"), names("mode: fan-out\n" + TWO));
  }

  @Test
  void noMatchGivesNoRoutesAndTheConfiguredPolicy() throws Exception {
    RouteTable t =
        RouteLoader.parse(
            "routes.yaml",
            "unmatched: dead-letter\nroutes:\n  - name: x\n    when: [{field: message-type,"
                + " equals: ADT}]\n    template: t.liquid\n    destinations: [d]\n");
    assertTrue(t.select(Hl7Message.parse(ORU)).isEmpty());
    assertEquals(UnmatchedPolicy.DEAD_LETTER, t.unmatched());
  }

  @Test
  void unknownKeyIsNamedWithItsPosition() {
    RouteConfigException e =
        assertThrows(
            RouteConfigException.class,
            () ->
                RouteLoader.parse(
                    "routes.yaml",
                    "routes:\n  - name: a\n    when: [{field: message-type, equal: ORU}]\n"
                        + "    template: t.liquid\n    destinations: [d]\n"));
    assertEquals(
        "routes.yaml: routes[0].when[0]: unknown key 'equal' (allowed: field, equals, in, prefix,"
            + " exists)",
        e.getMessage());
  }

  @Test
  void badFieldAndMissingDestinationsAreNamed() {
    assertTrue(
        assertThrows(
                RouteConfigException.class,
                () ->
                    RouteLoader.parse(
                        "r.yaml",
                        "routes:\n  - name: a\n    when: [{field: sender, equals: X}]\n"
                            + "    template: t.liquid\n    destinations: [d]\n"))
            .getMessage()
            .startsWith("r.yaml: routes[0].when[0].field: 'sender' is neither"));
    assertEquals(
        "r.yaml: routes[0].destinations: expected a non-empty list",
        assertThrows(
                RouteConfigException.class,
                () -> RouteLoader.parse("r.yaml", "routes:\n  - name: a\n    template: t.liquid\n"))
            .getMessage());
    assertTrue(
        assertThrows(
                RouteConfigException.class,
                () -> RouteLoader.parse("r.yaml", "mode: sometimes\nroutes: []\n"))
            .getMessage()
            .startsWith("r.yaml: mode: 'sometimes' is not one of"));
  }

  private static String error(String yaml) {
    return assertThrows(RouteConfigException.class, () -> RouteLoader.parse("r.yaml", yaml))
        .getMessage();
  }

  @Test
  void valuesOfTheWrongShapeAreNamedWithWhatWasExpected() {
    String route = "routes:\n  - name: a\n    template: t.liquid\n    destinations: [d]\n";
    assertEquals(
        "r.yaml: routes[0].when[0].exists: expected true or false",
        error(route + "    when: [{field: PID-3, exists: 'yes'}]\n"));
    assertEquals(
        "r.yaml: routes[0].when[0].in: expected a list",
        error(route + "    when: [{field: PID-3, in: {a: b}}]\n"));
    assertEquals(
        "r.yaml: routes[0].when[0].equals: expected a single value",
        error(route + "    when: [{field: PID-3, equals: [A]}]\n"));
    assertEquals(
        "r.yaml: routes[0].when: expected a list of conditions",
        error(route + "    when: {field: PID-3}\n"));
    assertEquals("r.yaml: routes: expected a list of routes", error("routes: {a: 1}\n"));
    assertEquals(
        "r.yaml: (top): unknown key 'route' (allowed: version, mode, unmatched, routes,"
            + " cloudDestinations, vendors)",
        error("route: []\n"));
  }

  @Test
  void missingOrDuplicateValuesAreNamed() {
    assertEquals(
        "r.yaml: routes[0].when[0]: expected exactly one of equals, in, prefix, exists; found"
            + " [equals, prefix]",
        error(
            "routes:\n  - name: a\n    when: [{field: PID-3, equals: A, prefix: B}]\n"
                + "    template: t.liquid\n    destinations: [d]\n"));
    assertEquals(
        "r.yaml: routes[0].destinations[1]: is required",
        error("routes:\n  - name: a\n    template: t.liquid\n    destinations: [d, ~]\n"));
    assertEquals(
        "r.yaml: routes[1].name: duplicate route name 'a'",
        error(
            "routes:\n  - {name: a, template: t.liquid, destinations: [d]}\n"
                + "  - {name: a, template: t.liquid, destinations: [d]}\n"));
    assertEquals(
        "r.yaml: version: only version 1 is understood", error("version: 2\nroutes: []\n"));
  }
}
