package dev.hl7ferry.core.error;

/** HL7 table 0357 (message error condition codes) as used in ERR-3 and MSA-6. */
public enum ErrorCode {
  MESSAGE_ACCEPTED(0, "Message accepted"),
  SEGMENT_SEQUENCE_ERROR(100, "Segment sequence error"),
  REQUIRED_FIELD_MISSING(101, "Required field missing"),
  DATA_TYPE_ERROR(102, "Data type error"),
  TABLE_VALUE_NOT_FOUND(103, "Table value not found"),
  VALUE_TOO_LONG(104, "Value too long"),
  UNSUPPORTED_MESSAGE_TYPE(200, "Unsupported message type"),
  UNSUPPORTED_EVENT_CODE(201, "Unsupported event code"),
  UNSUPPORTED_PROCESSING_ID(202, "Unsupported processing id"),
  UNSUPPORTED_VERSION_ID(203, "Unsupported version id"),
  UNKNOWN_KEY_IDENTIFIER(204, "Unknown key identifier"),
  DUPLICATE_KEY_IDENTIFIER(205, "Duplicate key identifier"),
  APPLICATION_RECORD_LOCKED(206, "Application record locked"),
  APPLICATION_INTERNAL_ERROR(207, "Application internal error");

  /** The coding system name written beside the code in a CWE/CE field. */
  public static final String TABLE = "HL70357";

  private final int code;
  private final String text;

  ErrorCode(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The numeric code, e.g. 207. */
  public int code() {
    return code;
  }

  /** The table's text for the code, e.g. "Application internal error". */
  public String text() {
    return text;
  }
}
