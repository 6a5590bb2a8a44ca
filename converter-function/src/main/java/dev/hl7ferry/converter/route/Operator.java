package dev.hl7ferry.converter.route;

/** How a condition compares the value at its field. */
public enum Operator {
  EQUALS,
  IN,
  PREFIX,
  EXISTS
}
