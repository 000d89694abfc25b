package dev.moat.authorization.model;

import java.util.List;

/** One {@code permissions[]} entry of a role definition: management and data actions. */
public record Permission(
    List<String> actions,
    List<String> notActions,
    List<String> dataActions,
    List<String> notDataActions) {

  public Permission {
    actions = actions == null ? List.of() : List.copyOf(actions);
    notActions = notActions == null ? List.of() : List.copyOf(notActions);
    dataActions = dataActions == null ? List.of() : List.copyOf(dataActions);
    notDataActions = notDataActions == null ? List.of() : List.copyOf(notDataActions);
  }
}
