package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.http.Json;
import java.util.List;

/**
 * The show, list and delete that az offers alike for every resource type: one type (such as {@code
 * Microsoft.Network/virtualNetworks}) at one api-version.
 */
public final class Resources {
  private final CliContext context;
  private final Arm arm;
  private final String type;
  private final String apiVersion;

  public Resources(CliContext context, Arm arm, String type, String apiVersion) {
    this.context = context;
    this.arm = arm;
    this.type = type;
    this.apiVersion = apiVersion;
  }

  /** The path of a resource of this type, failing with az's message if group or name is missing. */
  public String path(String group, String name) {
    Target.require(group, "--resource-group/-g");
    Target.require(name, "--name/-n");
    return arm.providerPath(group, type + "/" + name);
  }

  /** Prints the resources of this type in {@code group}, or in the subscription when it is null. */
  public void list(String group) {
    String path =
        group == null
            ? "/subscriptions/" + arm.subscriptionId() + "/providers/" + type
            : arm.providerPath(group, type);
    context.printResource(arm.list(path, apiVersion));
  }

  /** Prints one resource, or a list when several {@code --ids} were given; missing exits 3. */
  public void show(List<String> paths) {
    if (paths.size() == 1) {
      context.printResource(arm.show(paths.get(0), apiVersion));
      return;
    }
    ArrayNode all = Json.object().arrayNode();
    paths.forEach(p -> all.add(arm.show(p, apiVersion)));
    context.printResource(all);
  }

  /** Deletes each of {@code paths}, in order. */
  public void delete(List<String> paths, boolean noWait) {
    paths.forEach(p -> arm.delete(p, apiVersion, noWait));
  }
}
