package dev.hl7ferry.e2e.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's line of the table.
 *
 * @param sent messages written to the edge by the good senders
 * @param acked answered AA/CA (what the edge owes)
 * @param delivered distinct control ids that reached the destination
 * @param failedByDesign acknowledged messages the converter refused on purpose (error records)
 * @param lost acknowledged but neither delivered nor refused by the converter after the drain
 * @param duplicated deliveries beyond the first of a control id
 * @param peakRssMb the edge's largest resident set size seen during the scenario
 * @param notes what else happened: negative ACKs by code, throughput, hostile connections
 * @param problems what the scenario expected and did not see (empty: as promised)
 * @param skipped null, or why the scenario did not run
 */
record Row(
    String scenario,
    long sent,
    long acked,
    long delivered,
    long failedByDesign,
    long lost,
    long duplicated,
    long peakRssMb,
    long seconds,
    String notes,
    List<String> problems,
    String skipped) {

  Row {
    problems = List.copyOf(problems);
  }

  static Row skipped(String scenario, String why) {
    return new Row(scenario, 0, 0, 0, 0, 0, 0, 0, 0, "", List.of(), why);
  }

  /** This row with one more problem. */
  Row withProblem(String problem) {
    List<String> more = new ArrayList<>(problems);
    more.add(problem);
    return new Row(
        scenario,
        sent,
        acked,
        delivered,
        failedByDesign,
        lost,
        duplicated,
        peakRssMb,
        seconds,
        notes,
        more,
        skipped);
  }
}
