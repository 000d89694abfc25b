package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.ArrayList;
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

  /**
   * az's show, list and delete of this type as option tables, so a command group declares them in
   * one line. {@code parents} name the parent resources in the type's order (for {@code
   * virtualNetworks/subnets}: {@code --vnet-name}); show and delete also take {@code --ids}.
   *
   * @param noun the type in help texts ("virtual network")
   * @param parents the options naming the parent resources, outermost first
   * @param kinds which of show, list and delete to declare ("show", "list", "delete"; or
   *     "delete-confirmed" for az's deletes that prompt unless given {@code --yes/-y})
   */
  public List<TableCommand> commands(String noun, List<Opt> parents, String... kinds) {
    Opt group = Opt.str("--resource-group", "-g").help("Name of resource group.");
    Opt name = Opt.str("--name", "-n").help("The " + noun + " name.");
    Opt ids = Opt.list("--ids").help("One or more resource IDs (space-delimited).");
    List<Opt> byName = new ArrayList<>(List.of(group));
    byName.addAll(parents);
    byName.add(name);
    byName.add(ids);
    List<Opt> listOptions = new ArrayList<>();
    listOptions.add(parents.isEmpty() ? group : group.required());
    parents.forEach(p -> listOptions.add(p.required()));
    List<TableCommand> commands = new ArrayList<>();
    for (String kind : kinds) {
      switch (kind) {
        case "show" ->
            commands.add(
                new TableCommand(
                    "show",
                    "Get the details of a " + noun + ".",
                    byName,
                    a -> {
                      show(paths(a, parents));
                      return 0;
                    }));
        case "list" ->
            commands.add(
                new TableCommand(
                    "list",
                    "List " + noun + "s.",
                    listOptions,
                    a -> {
                      listIn(a, parents);
                      return 0;
                    }));
        case "delete", "delete-confirmed" -> {
          boolean confirmed = kind.equals("delete-confirmed");
          List<Opt> options = new ArrayList<>(byName);
          options.add(Opt.flag("--no-wait").help("Do not wait for the long-running operation."));
          if (confirmed) {
            options.add(Opt.flag("--yes", "-y").help("Do not prompt for confirmation."));
          }
          commands.add(
              new TableCommand(
                  "delete",
                  "Delete a " + noun + ".",
                  options,
                  a -> {
                    if (confirmed) {
                      Prompts.confirm(context, a.on("--yes"));
                    }
                    delete(paths(a, parents), a.on("--no-wait"));
                    return 0;
                  }));
        }
        default -> throw new IllegalArgumentException(kind);
      }
    }
    return commands;
  }

  /** The paths a show or delete names: its --ids, else its group, parents and name. */
  private List<String> paths(Args a, List<Opt> parents) {
    return Target.paths(
        a.list("--ids"),
        () -> {
          Target.require(a.str("--resource-group"), "--resource-group/-g");
          for (Opt p : parents) {
            Target.require(a.str(p.name()), p.azName());
          }
          Target.require(a.str("--name"), "--name/-n");
          return arm.providerPath(a.str("--resource-group"), segments(a, parents, true));
        });
  }

  private void listIn(Args a, List<Opt> parents) {
    if (parents.isEmpty()) {
      list(a.str("--resource-group"));
      return;
    }
    context.printResource(
        arm.list(
            arm.providerPath(a.str("--resource-group"), segments(a, parents, false)), apiVersion));
  }

  /**
   * The type's path below the group: {@code Microsoft.Network/virtualNetworks/v1/subnets/s1}, or
   * without the last name for a list.
   */
  private String segments(Args a, List<Opt> parents, boolean named) {
    String[] parts = type.split("/");
    StringBuilder path = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      path.append('/').append(parts[i]);
      if (i - 1 < parents.size()) {
        path.append('/').append(a.str(parents.get(i - 1).name()));
      } else if (named) {
        path.append('/').append(a.str("--name"));
      }
    }
    return path.toString();
  }
}
