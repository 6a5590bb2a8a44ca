package dev.hl7ferry.converter.route;

/** Whether the first matching route wins or every matching route produces outputs. */
public enum MatchMode {
  FIRST_MATCH,
  FAN_OUT
}
