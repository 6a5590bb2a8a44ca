package dev.hl7ferry.converter.template;

/**
 * Values a template may ask for that are not in the input: a timestamp for MSH-7 and a control id
 * for MSH-10. The caller derives the control id deterministically (input id, route, destination) so
 * that a redelivered message renders to the same bytes.
 *
 * @param timestamp HL7 DTM, e.g. {@code 20260102030405+0000}
 * @param controlId at most 20 characters, safe in any HL7 field
 */
public record Fresh(String timestamp, String controlId) {}
