package dev.hl7ferry.edge.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hl7ferry.edge.status.EdgeStatus;

/** {@code /status.json}: the {@link EdgeStatus} snapshot as JSON. */
final class StatusJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private StatusJson() {}

  static String write(EdgeStatus status) {
    try {
      return MAPPER.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status snapshot not writable as JSON", e);
    }
  }
}
