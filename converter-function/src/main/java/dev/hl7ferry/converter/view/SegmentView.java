package dev.hl7ferry.converter.view;

import dev.hl7ferry.core.message.Segment;
import dev.hl7ferry.core.path.Hl7Path;
import java.util.AbstractMap;
import java.util.Set;

/**
 * One segment as Liquid sees it. Keys: a field path relative to the segment ({@code "5"}, {@code
 * "5.1"}, {@code "3(2).1"}, 1-based as in the standard) gives the decoded value ("" when absent);
 * {@code name}, {@code index} (1-based position in the message) and {@code raw} (the segment text,
 * escapes intact). A group leader also answers {@code OBX} (first such segment of the group),
 * {@code all.OBX}, {@code groups.OBX} and {@code segments}, scoped to its group.
 */
public final class SegmentView extends AbstractMap<String, Object> {
  private final Segment segment;
  private final int index;
  private final Scope group;

  SegmentView(Segment segment, int index, Scope group) {
    this.segment = segment;
    this.index = index;
    this.group = group;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String k) || k.isEmpty()) {
      return null;
    }
    char c = k.charAt(0);
    if (c >= '0' && c <= '9') {
      Hl7Path p = PathCache.field(k);
      return segment.value(p.field(), p.repetition(), p.component(), p.subcomponent());
    }
    switch (k) {
      case "name":
        return segment.name();
      case "index":
        return index;
      case "raw":
        return segment.text();
      default:
        break;
    }
    Scope scope = group == null ? new Scope(java.util.List.of(segment), new int[] {index}) : group;
    switch (k) {
      case "all":
        return scope.allByName();
      case "groups":
        return scope.groupsByName();
      case "segments":
        return scope.everything();
      default:
        return k.length() == 3 ? scope.first(k) : null;
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

  @Override
  public String toString() {
    return segment.text();
  }
}
