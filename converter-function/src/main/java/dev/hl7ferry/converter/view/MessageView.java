package dev.hl7ferry.converter.view;

import dev.hl7ferry.core.message.Hl7Message;
import java.util.AbstractMap;
import java.util.Set;

/**
 * The whole message as Liquid sees it ({@code msg}). Keys: an HL7 path ({@code "PID-5.1"}, {@code
 * "OBX(2)-5"}) gives the decoded value ("" when absent); a segment name ({@code PID}) the first
 * such segment or nil; {@code all.OBX} every OBX; {@code groups.OBR} the OBR groups; {@code
 * segments} every segment. Built per render; the message it wraps is parsed once and shared.
 */
public final class MessageView extends AbstractMap<String, Object> {
  private final Hl7Message message;
  private Scope scope;

  /** A view over {@code message}. */
  public MessageView(Hl7Message message) {
    this.message = message;
  }

  private Scope scope() {
    if (scope == null) {
      scope = Scope.of(message.segments());
    }
    return scope;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String k) || k.isEmpty()) {
      return null;
    }
    if (k.length() > 3 && (k.charAt(3) == '-' || k.charAt(3) == '(')) {
      return message.get(PathCache.path(k));
    }
    switch (k) {
      case "all":
        return scope().allByName();
      case "groups":
        return scope().groupsByName();
      case "segments":
        return scope().everything();
      default:
        return k.length() == 3 ? scope().first(k) : null;
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Set.of();
  }
}
