package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.output.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Set;

/**
 * az's {@code print_or_merge_credentials} and {@code merge_kubernetes_configurations}: print to
 * stdout for {@code -}, else merge clusters, users and contexts by name into the file (a different
 * object of the same name needs {@code --overwrite-existing} or a "yes"), rename an admin context
 * {@code <name>-admin}, make the new context current, write with mode 600.
 */
final class Kubeconfigs {
  private Kubeconfigs() {}

  static void printOrMerge(
      CliContext context, String file, String kubeconfig, boolean overwrite, String contextName) {
    if (file.equals("-")) {
      context.out().println(kubeconfig);
      return;
    }
    Path path = Path.of(file.replaceFirst("^~", context.userHome().toString()));
    try {
      Path dir = path.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      if (!Files.exists(path)) {
        Files.createFile(path);
        restrict(path);
      }
      JsonNode existing = KubeYaml.read(Files.readString(path));
      JsonNode addition = KubeYaml.read(kubeconfig);
      if (!(addition instanceof ObjectNode add)) {
        throw CliException.command("failed to load additional configuration from the server");
      }
      if (contextName != null) {
        ObjectNode ctx = (ObjectNode) add.path("contexts").path(0);
        ctx.put("name", contextName);
        ((ObjectNode) ctx.path("context")).put("cluster", contextName);
        ((ObjectNode) add.path("clusters").path(0)).put("name", contextName);
        add.put("current-context", contextName);
      }
      for (JsonNode ctx : add.path("contexts")) {
        if (ctx.path("context").path("user").asText("").startsWith("clusterAdmin")) {
          String admin = ctx.path("name").asText() + "-admin";
          ((ObjectNode) ctx).put("name", admin);
          add.put("current-context", admin);
          break;
        }
      }
      ObjectNode merged;
      if (!(existing instanceof ObjectNode ex)) {
        merged = add;
      } else {
        merged = ex;
        merge(context, merged, add, "clusters", overwrite);
        merge(context, merged, add, "users", overwrite);
        merge(context, merged, add, "contexts", overwrite);
        merged.set("current-context", add.get("current-context"));
      }
      Files.writeString(path, YamlText.write(merged));
      context
          .log()
          .warn(
              "Merged \""
                  + add.path("current-context").asText("UNKNOWN")
                  + "\" as current context in "
                  + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(
      CliContext context, ObjectNode existing, ObjectNode addition, String key, boolean replace) {
    JsonNode added = addition.path(key);
    if (!added.isArray() || added.isEmpty()) {
      return;
    }
    if (!existing.has(key)) {
      throw CliException.command(
          "No such key '"
              + key
              + "' in existing config, please confirm whether it is a valid config file. May back"
              + " up this config file, delete it and retry the command.");
    }
    if (!existing.path(key).isArray() || existing.path(key).isEmpty()) {
      existing.set(key, added.deepCopy());
      return;
    }
    ArrayNode list = (ArrayNode) existing.get(key);
    for (JsonNode item : added) {
      String name = item.path("name").asText("");
      Iterator<JsonNode> it = list.iterator();
      while (it.hasNext()) {
        JsonNode old = it.next();
        if (name.isEmpty() || !name.equals(old.path("name").asText(""))) {
          continue;
        }
        if (replace || old.equals(item) || overwrite(context, name)) {
          it.remove();
        } else {
          throw CliException.command(
              "A different object named "
                  + name
                  + " already exists in "
                  + key
                  + " in your kubeconfig file.");
        }
      }
      list.add(item.deepCopy());
    }
  }

  private static boolean overwrite(CliContext context, String name) {
    if (!context.terminal().isInteractive()) {
      return false;
    }
    return Prompts.yesNo(
        context,
        "A different object named " + name + " already exists in your kubeconfig file.\nOverwrite?",
        false);
  }

  private static void restrict(Path path) throws IOException {
    try {
      Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
      Files.setPosixFilePermissions(path, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
