package dev.hl7ferry.converter.view;

import dev.hl7ferry.core.message.Segment;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of segments (the whole message, or one group) with the three ways templates reach into it:
 * the first segment of a name, all segments of a name, and the groups led by a name.
 *
 * <p>A group led by segment X runs from an X to just before the next X or the next segment that
 * starts an enclosing level. Levels: MSH/BHS/FHS 0, PID 1, ORC 2, OBR and SPM 3, OBX 4; a leader
 * not in that list ends only at the next segment of its own name.
 */
final class Scope {
  private final List<Segment> segments;
  private final int[] positions;

  Scope(List<Segment> segments, int[] positions) {
    this.segments = segments;
    this.positions = positions;
  }

  /** The scope of a whole message. */
  static Scope of(List<Segment> all) {
    int[] positions = new int[all.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i + 1;
    }
    return new Scope(all, positions);
  }

  SegmentView first(String name) {
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).name().equals(name)) {
        return new SegmentView(segments.get(i), positions[i], null);
      }
    }
    return null;
  }

  List<SegmentView> all(String name) {
    List<SegmentView> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).name().equals(name)) {
        out.add(new SegmentView(segments.get(i), positions[i], null));
      }
    }
    return out;
  }

  List<SegmentView> everything() {
    List<SegmentView> out = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      out.add(new SegmentView(segments.get(i), positions[i], null));
    }
    return out;
  }

  List<SegmentView> groups(String leader) {
    int level = level(leader);
    List<SegmentView> out = new ArrayList<>();
    int i = 0;
    while (i < segments.size()) {
      if (!segments.get(i).name().equals(leader)) {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < segments.size()) {
        String name = segments.get(end).name();
        if (name.equals(leader) || level(name) <= level) {
          break;
        }
        end++;
      }
      Scope group =
          new Scope(segments.subList(i, end), java.util.Arrays.copyOfRange(positions, i, end));
      out.add(new SegmentView(segments.get(i), positions[i], group));
      i = end;
    }
    return out;
  }

  private static int level(String name) {
    switch (name) {
      case "MSH", "BHS", "FHS":
        return 0;
      case "PID":
        return 1;
      case "ORC":
        return 2;
      case "OBR", "SPM":
        return 3;
      case "OBX":
        return 4;
      default:
        return Integer.MAX_VALUE;
    }
  }

  /** {@code all.OBX}: a map from segment name to the list of those segments in this scope. */
  Map<String, Object> allByName() {
    return new ByName(this, false);
  }

  /** {@code groups.OBR}: a map from leader name to the groups it leads in this scope. */
  Map<String, Object> groupsByName() {
    return new ByName(this, true);
  }

  /** A lazy map keyed by segment name. */
  private static final class ByName extends AbstractMap<String, Object> {
    private final Scope scope;
    private final boolean groups;

    ByName(Scope scope, boolean groups) {
      this.scope = scope;
      this.groups = groups;
    }

    @Override
    public Object get(Object key) {
      if (!(key instanceof String name) || name.length() != 3) {
        return null;
      }
      return groups ? scope.groups(name) : scope.all(name);
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
}
