package dev.hl7ferry.cdk.edgeconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the file {@code cdk deploy --outputs-file} writes ({@code {"Stack": {"Key": "value"}}}) and
 * returns the sites of the per-site outputs, whose values are JSON objects.
 */
public final class StackOutputs {
  /** Key prefix of the stack's per-site outputs ({@code EdgeSite1}, ...). */
  public static final String EDGE_OUTPUT_PREFIX = "EdgeSite";

  private static final JsonMapper MAPPER = new JsonMapper();

  private StackOutputs() {}

  /**
   * @param outputsJson the file's text
   * @param stackName the stack whose outputs to read
   * @param outputPrefix the per-site outputs' key prefix ({@code EdgeSite})
   * @throws IllegalArgumentException naming the stack, output or key that is missing or wrong
   */
  public static List<SiteEdge> sites(String outputsJson, String stackName, String outputPrefix) {
    JsonNode root;
    try {
      root = MAPPER.readTree(outputsJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("outputs: not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode stack = root == null ? null : root.get(stackName);
    if (stack == null || !stack.isObject()) {
      throw new IllegalArgumentException("outputs: no stack " + stackName);
    }
    List<SiteEdge> sites = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = stack.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> output = it.next();
      if (output.getKey().startsWith(outputPrefix)) {
        sites.add(site(output.getKey(), output.getValue().asText()));
      }
    }
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("outputs: " + stackName + " has no " + outputPrefix + "*");
    }
    return sites;
  }

  private static SiteEdge site(String name, String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not JSON: " + e.getOriginalMessage(), e);
    }
    Fields f = new Fields(name, node);
    String lock = f.text("archiveLockDays", true);
    int lockDays;
    try {
      lockDays = lock.isEmpty() ? 0 : Integer.parseInt(lock);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ".archiveLockDays: not a number: " + lock, e);
    }
    return new SiteEdge(
        f.text("site", false),
        f.text("region", false),
        f.text("bucket", false),
        f.text("kmsKeyArn", false),
        f.text("inboundQueueUrl", false),
        f.text("outboundQueueUrl", false),
        f.text("receiptsQueueUrl", false),
        f.text("roleArn", false),
        f.text("trustAnchorArn", true),
        f.text("profileArn", true),
        lockDays);
  }

  /** Text fields of one output's object, named in errors. */
  private record Fields(String output, JsonNode node) {
    String text(String key, boolean mayBeEmpty) {
      JsonNode value = node == null ? null : node.get(key);
      if (value == null || !value.isTextual()) {
        throw new IllegalArgumentException(output + "." + key + " is missing");
      }
      if (!mayBeEmpty && value.asText().isBlank()) {
        throw new IllegalArgumentException(output + "." + key + " is empty");
      }
      return value.asText();
    }
  }
}
