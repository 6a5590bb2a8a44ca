package dev.hl7ferry.cdk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the synthesized template's JSON: resources by type, statements, action lists. */
final class Resources {
  private Resources() {}

  static Map<String, JsonNode> ofType(JsonNode template, String type) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.get("Resources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (type.equals(e.getValue().path("Type").asText())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  static JsonNode only(JsonNode template, String type, String idPart) {
    List<JsonNode> found = new ArrayList<>();
    ofType(template, type)
        .forEach(
            (id, node) -> {
              if (id.contains(idPart)) {
                found.add(node);
              }
            });
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " resources " + type + " with id ~ " + idPart);
    }
    return found.get(0).get("Properties");
  }

  /** A string or a list of strings as a list. */
  static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
    } else {
      out.add(node.isTextual() ? node.asText() : node.toString());
    }
    return out;
  }

  static List<JsonNode> statements(JsonNode policyProperties) {
    List<JsonNode> out = new ArrayList<>();
    policyProperties.path("PolicyDocument").path("Statement").forEach(out::add);
    return out;
  }

  /** A statement by Sid. */
  static JsonNode statement(JsonNode policyProperties, String sid) {
    for (JsonNode s : statements(policyProperties)) {
      if (sid.equals(s.path("Sid").asText())) {
        return s;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policyProperties);
  }
}
