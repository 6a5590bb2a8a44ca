package dev.hl7ferry.e2e.chaos;

import java.util.List;

/** The one table the suite prints: a Markdown table, one row per scenario. */
final class Table {
  private Table() {}

  static String render(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| scenario | sent | ACKed | delivered | failed by design | lost | duplicated |")
        .append(" edge peak RSS | time | notes |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Row r : rows) {
      if (r.skipped() != null) {
        out.append("| ")
            .append(r.scenario())
            .append(" | – | – | – | – | – | – | – | – | skipped: ");
        out.append(r.skipped()).append(" |\n");
        continue;
      }
      out.append("| ")
          .append(r.scenario())
          .append(" | ")
          .append(n(r.sent()))
          .append(" | ")
          .append(n(r.acked()))
          .append(" | ")
          .append(n(r.delivered()))
          .append(" | ")
          .append(n(r.failedByDesign()))
          .append(" | ")
          .append(n(r.lost()))
          .append(" | ")
          .append(n(r.duplicated()))
          .append(" | ")
          .append(r.peakRssMb())
          .append(" MB | ")
          .append(r.seconds())
          .append(" s | ")
          .append(r.notes());
      for (String problem : r.problems()) {
        out.append(r.notes().isEmpty() ? "" : "; ")
            .append("**PROBLEM: ")
            .append(problem)
            .append("**");
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private static String n(long value) {
    return String.format("%,d", value);
  }
}
