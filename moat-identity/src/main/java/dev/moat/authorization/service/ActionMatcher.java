package dev.moat.authorization.service;

import dev.moat.authorization.model.Permission;
import dev.moat.authorization.model.RoleDefinition;
import java.util.List;
import java.util.Locale;

/**
 * Azure RBAC's action matching: an action is granted by a permission when one of its {@code
 * actions} matches and none of its {@code notActions} does. Patterns compare case-insensitively and
 * {@code *} matches any run of characters, including {@code /} (<code>*&#47;read</code>, <code>
 * Microsoft.Network/*</code>, {@code *}). A {@code notAction} only subtracts from the permission it
 * is in; it is not a deny (another role may still grant the action).
 */
public final class ActionMatcher {
  private ActionMatcher() {}

  /** True when any permission of {@code role} grants {@code action}. */
  public static boolean grants(RoleDefinition role, String action) {
    return role.permissions().stream().anyMatch(p -> grants(p, action));
  }

  static boolean grants(Permission permission, String action) {
    return matchesAny(permission.actions(), action) && !matchesAny(permission.notActions(), action);
  }

  private static boolean matchesAny(List<String> patterns, String action) {
    return patterns.stream().anyMatch(p -> matches(p, action));
  }

  /** Glob match of {@code pattern} against {@code action}, ignoring case. */
  public static boolean matches(String pattern, String action) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String a = action.toLowerCase(Locale.ROOT);
    return glob(p, 0, a, 0);
  }

  private static boolean glob(String p, int pi, String a, int ai) {
    // Iterative glob with backtracking to the last '*', linear in practice for RBAC patterns.
    int star = -1;
    int mark = 0;
    while (ai < a.length()) {
      if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ai;
      } else if (pi < p.length() && p.charAt(pi) == a.charAt(ai)) {
        pi++;
        ai++;
      } else if (star >= 0) {
        pi = star + 1;
        ai = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
