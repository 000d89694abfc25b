package dev.moat.acr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One requested scope of the Docker token protocol, e.g. {@code
 * repository:oss/kubernetes/pause:pull} or {@code repository:app:pull,push}; the resource name may
 * contain colons only in the middle.
 */
public record RegistryScope(String type, String name, Set<String> actions) {

  public static Optional<RegistryScope> parse(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first <= 0 || last <= first || last == scope.length() - 1) {
      return Optional.empty();
    }
    Set<String> actions = new LinkedHashSet<>(Arrays.asList(scope.substring(last + 1).split(",")));
    return Optional.of(
        new RegistryScope(scope.substring(0, first), scope.substring(first + 1, last), actions));
  }

  /** As carried in an access token's {@code access} claim. */
  public java.util.Map<String, Object> toClaim() {
    return java.util.Map.of("type", type, "name", name, "actions", List.copyOf(actions));
  }
}
