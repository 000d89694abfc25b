package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed label selector: a conjunction of requirements, after {@code
 * k8s.io/apimachinery/pkg/labels}. Parse the query form with {@link #parse} ({@code a=b,c!=d,e in
 * (f,g),h notin (i),j,!k}) or convert a spec's selector with {@link #of}. Immutable.
 */
public final class LabelSelector {
  /** Matches every object. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  /** Matches nothing (a nil selector in a spec, as the apiserver reads it for controllers). */
  public static final LabelSelector NOTHING =
      new LabelSelector(List.of(new Requirement("", Operator.NOTHING, Set.of())));

  /** The operators of a requirement. */
  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST,
    NOTHING
  }

  /** One requirement: {@code key op values}. */
  public record Requirement(String key, Operator operator, Set<String> values) {
    public Requirement {
      values = Set.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case NOTHING -> false;
      };
    }
  }

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  public List<Requirement> requirements() {
    return requirements;
  }

  public boolean isEverything() {
    return requirements.isEmpty();
  }

  /** Whether an object with these labels (null for none) is selected. */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    for (Requirement r : requirements) {
      if (!r.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  /** Only the equality requirements as a map, e.g. to stamp labels on a created object. */
  public static LabelSelector ofLabels(Map<String, String> labels) {
    List<Requirement> requirements = new ArrayList<>();
    new TreeSet<>(labels.keySet())
        .forEach(k -> requirements.add(new Requirement(k, Operator.EQUALS, Set.of(labels.get(k)))));
    return new LabelSelector(requirements);
  }

  /**
   * A spec's selector ({@code matchLabels} and {@code matchExpressions}); a null selector selects
   * nothing, an empty one everything, as for Deployments and ReplicaSets.
   */
  public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector spec) {
    if (spec == null) {
      return NOTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    if (spec.getMatchLabels() != null) {
      requirements.addAll(ofLabels(spec.getMatchLabels()).requirements);
    }
    if (spec.getMatchExpressions() != null) {
      for (LabelSelectorRequirement e : spec.getMatchExpressions()) {
        List<String> values = e.getValues() == null ? List.of() : e.getValues();
        Operator op =
            switch (e.getOperator()) {
              case "In" -> Operator.IN;
              case "NotIn" -> Operator.NOT_IN;
              case "Exists" -> Operator.EXISTS;
              case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
              default ->
                  throw KubeException.badRequest(
                      "\"" + e.getOperator() + "\" is not a valid label selector operator");
            };
        requirements.add(new Requirement(e.getKey(), op, Set.copyOf(values)));
      }
    }
    return new LabelSelector(requirements);
  }

  /**
   * Parses the query-string form. Throws {@link KubeException} (400) on a malformed selector, with
   * the apiserver's wording.
   */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    return new LabelSelector(new SelectorParser(text).parse());
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Requirement r : requirements) {
      List<String> sorted = new ArrayList<>(new TreeSet<>(r.values()));
      parts.add(
          switch (r.operator()) {
            case EQUALS -> r.key() + "=" + sorted.get(0);
            case NOT_EQUALS -> r.key() + "!=" + sorted.get(0);
            case IN -> r.key() + " in (" + String.join(",", sorted) + ")";
            case NOT_IN -> r.key() + " notin (" + String.join(",", sorted) + ")";
            case EXISTS -> r.key();
            case DOES_NOT_EXIST -> "!" + r.key();
            case NOTHING -> "<nothing>";
          });
    }
    return String.join(",", parts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other && other.requirements.equals(requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }
}
