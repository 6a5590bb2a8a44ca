package dev.hl7ferry.converter.template;

/** What a template produces, taken from its file name: {@code x.json.liquid} is JSON, else HL7. */
public enum OutputFormat {
  HL7("application/hl7-v2", "hl7"),
  JSON("application/json", "json");

  private final String contentType;
  private final String extension;

  OutputFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The MIME type written with the output. */
  public String contentType() {
    return contentType;
  }

  /** The file extension of stored outputs. */
  public String extension() {
    return extension;
  }

  /** The format a template named {@code name} produces. */
  public static OutputFormat of(String name) {
    return name.endsWith(".json.liquid") ? JSON : HL7;
  }
}
