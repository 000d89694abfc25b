package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.http.Json;
import java.util.List;

/** {@code show} over one path (prints the resource) or several {@code --ids} (prints a list). */
final class NetShow {
  private NetShow() {}

  static void print(CliContext context, Arm arm, List<String> paths, String apiVersion) {
    if (paths.size() == 1) {
      context.printResource(arm.show(paths.get(0), apiVersion));
      return;
    }
    ArrayNode all = Json.object().arrayNode();
    paths.forEach(p -> all.add(arm.show(p, apiVersion)));
    context.printResource(all);
  }
}
