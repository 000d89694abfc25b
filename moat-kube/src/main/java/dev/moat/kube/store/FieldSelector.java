package dev.moat.kube.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed field selector ({@code metadata.name=a,spec.nodeName!=b}), after {@code
 * k8s.io/apimachinery/pkg/fields}. Which fields a kind supports is the store's to check ({@link
 * ClusterObjects#list} answers 400 {@code field label not supported} for others). Immutable.
 */
public final class FieldSelector {
  /** Matches every object. */
  public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  /** One term: {@code field=value} or {@code field!=value}. */
  public record Term(String field, boolean equals, String value) {}

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  public List<Term> terms() {
    return terms;
  }

  public boolean isEverything() {
    return terms.isEmpty();
  }

  /** {@code field=value}. */
  public static FieldSelector equal(String field, String value) {
    return new FieldSelector(List.of(new Term(field, true, value)));
  }

  /** Whether the object's selectable fields (field path → value; absent means "") match. */
  public boolean matches(Map<String, String> fields) {
    for (Term t : terms) {
      String actual = fields.getOrDefault(t.field(), "");
      if (actual.equals(t.value()) != t.equals()) {
        return false;
      }
    }
    return true;
  }

  /** Parses the query form; 400 on a malformed term. */
  public static FieldSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    List<Term> terms = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      int ne = p.indexOf("!=");
      int eqeq = p.indexOf("==");
      int eq = p.indexOf('=');
      if (ne > 0) {
        terms.add(new Term(p.substring(0, ne), false, p.substring(ne + 2)));
      } else if (eqeq > 0) {
        terms.add(new Term(p.substring(0, eqeq), true, p.substring(eqeq + 2)));
      } else if (eq > 0) {
        terms.add(new Term(p.substring(0, eq), true, p.substring(eq + 1)));
      } else {
        throw KubeException.badRequest(
            "invalid selector: '" + text + "'; can't understand '" + p + "'");
      }
    }
    return new FieldSelector(terms);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    terms.forEach(t -> parts.add(t.field() + (t.equals() ? "=" : "!=") + t.value()));
    return String.join(",", parts);
  }
}
