package dev.hl7ferry.converter.render;

import dev.hl7ferry.converter.template.OutputFormat;

/**
 * One rendered, checked output bound for one destination.
 *
 * @param route the route that produced it
 * @param template the template's store name
 * @param content HL7 with CR segment ends, or JSON
 */
public record Output(
    String route, String destination, String template, OutputFormat format, String content) {

  /** The MIME type to store and send it with. */
  public String contentType() {
    return format.contentType();
  }
}
