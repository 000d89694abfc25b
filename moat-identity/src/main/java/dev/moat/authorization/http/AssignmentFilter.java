package dev.moat.authorization.http;

import dev.moat.authorization.model.RoleAssignment;
import dev.moat.authorization.validation.AuthorizationError;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData {@code $filter} of a role-assignment list: {@code atScope()}, {@code principalId eq
 * '{id}'} and {@code assignedTo('{id}')}, alone or joined with {@code and}.
 *
 * @param atScopeOnly only assignments at or above the scope (not below)
 * @param principalId only this principal's assignments, when present
 */
record AssignmentFilter(boolean atScopeOnly, Optional<String> principalId) {
  private static final Pattern PRINCIPAL_EQ =
      Pattern.compile("principalId\\s+eq\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASSIGNED_TO =
      Pattern.compile("assignedTo\\('([^']*)'\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern AT_SCOPE =
      Pattern.compile("atScope\\(\\)", Pattern.CASE_INSENSITIVE);

  static AssignmentFilter parse(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return new AssignmentFilter(false, Optional.empty());
    }
    boolean atScope = false;
    String principal = null;
    for (String clause : filter.get().trim().split("(?i)\\s+and\\s+")) {
      String c = clause.trim();
      Matcher eq = PRINCIPAL_EQ.matcher(c);
      Matcher to = ASSIGNED_TO.matcher(c);
      if (AT_SCOPE.matcher(c).matches() && !atScope) {
        atScope = true;
      } else if (eq.matches() && principal == null) {
        principal = eq.group(1);
      } else if (to.matches() && principal == null) {
        principal = to.group(1);
      } else {
        throw AuthorizationError.UNSUPPORTED_FILTER.exception(filter.get());
      }
    }
    return new AssignmentFilter(atScope, Optional.ofNullable(principal));
  }

  Predicate<RoleAssignment> principalPredicate() {
    return a -> principalId.map(p -> p.equalsIgnoreCase(a.principalId())).orElse(true);
  }
}
