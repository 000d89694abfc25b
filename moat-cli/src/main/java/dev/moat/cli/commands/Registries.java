package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliException;

/** Finds a registry's path from its name, with or without {@code -g}, as {@code az acr} does. */
final class Registries {
  static final String V = ApiVersions.CONTAINER_REGISTRY;
  static final String TYPE = "Microsoft.ContainerRegistry/registries";

  private Registries() {}

  static String path(Arm arm, String name, String group) {
    if (group != null) {
      return arm.providerPath(group, TYPE + "/" + name);
    }
    // Registry names are globally unique, so az finds the group by listing the subscription.
    for (JsonNode r :
        arm.list("/subscriptions/" + arm.subscriptionId() + "/providers/" + TYPE, V)) {
      if (r.path("name").asText().equalsIgnoreCase(name)) {
        return r.path("id").asText();
      }
    }
    throw new CliException(
        "The resource with name '"
            + name
            + "' and type '"
            + TYPE
            + "' could not be found in"
            + " subscription '"
            + arm.subscriptionId()
            + "'.",
        3);
  }
}
