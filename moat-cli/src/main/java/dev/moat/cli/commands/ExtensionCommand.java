package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.config.Extensions;
import dev.moat.cli.http.Json;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code az extension}: Moat knows one extension, {@code aks-preview}, whose behaviour is built in;
 * adding it records it in {@code $MOAT_HOME/cli/extensions.json}, which turns on what aks-preview
 * changes ({@code --outbound-type block}, the preview warnings).
 */
@Command(name = "extension", description = "Manage and update CLI extensions.")
public final class ExtensionCommand extends CommandGroup {
  public ExtensionCommand(CliContext context) {
    super(context);
  }

  @Command(name = "add", description = "Add an extension.")
  int add(
      @Mixin ExtensionName extension,
      @Option(
              names = {"--upgrade"},
              description = "Update the extension if already installed.")
          boolean upgrade,
      @Mixin CommonOptions.Yes yes,
      @Option(names = "--version", description = "The specific version of an extension.")
          String version) {
    String name = extension.name;
    known(name);
    Extensions ext = context.extensions();
    if (ext.isInstalled(name) && !upgrade) {
      context.log().warn("Extension '" + name + "' is already installed.");
      return 0;
    }
    ext.install(name, version != null ? version : Extensions.AKS_PREVIEW_VERSION);
    context.log().warn("The installed extension '" + name + "' is in preview.");
    return 0;
  }

  @Command(name = "update", description = "Update an extension.")
  int update(@Mixin ExtensionName extension) {
    String name = extension.name;
    Extensions ext = installed(name);
    if (ext.version(name).orElse("").equals(Extensions.AKS_PREVIEW_VERSION)) {
      context.log().warn("Latest version of '" + name + "' is already installed.");
      return 0;
    }
    ext.install(name, Extensions.AKS_PREVIEW_VERSION);
    return 0;
  }

  @Command(name = "remove", description = "Remove an extension.")
  int remove(@Mixin ExtensionName extension) {
    String name = extension.name;
    Extensions ext = installed(name);
    ext.remove(name);
    return 0;
  }

  @Command(name = "list", description = "List the installed extensions.")
  int list() {
    ArrayNode out = Json.object().arrayNode();
    Iterator<Map.Entry<String, JsonNode>> it = context.extensions().all().fields();
    it.forEachRemaining(e -> out.add(view(e.getKey(), e.getValue().path("version").asText())));
    context.print(out);
    return 0;
  }

  @Command(name = "show", description = "Show an extension.")
  int show(@Mixin ExtensionName extension) {
    String name = extension.name;
    Extensions ext = installed(name);
    context.print(view(name, ext.version(name).orElse("")));
    return 0;
  }

  private ObjectNode view(String name, String version) {
    ObjectNode o = Json.object();
    o.put("experimental", false);
    o.put("extensionType", "whl");
    o.put("name", name);
    o.put("path", context.extensions().path(name));
    o.put("preview", true);
    o.put("version", version);
    return o;
  }

  /** The extensions, when {@code name} is installed; else az's error. */
  private Extensions installed(String name) {
    Extensions ext = context.extensions();
    if (!ext.isInstalled(name)) {
      throw CliException.command("The extension " + name + " is not installed.");
    }
    return ext;
  }

  /** The required {@code -n} naming an extension. */
  public static final class ExtensionName {
    @Option(
        names = {"--name", "-n"},
        required = true,
        description = "Name of extension.")
    String name;
  }

  private static void known(String name) {
    if (!name.equals(Extensions.AKS_PREVIEW)) {
      throw CliException.command(
          "No matching extensions for '" + name + "'. Use --debug for more information.");
    }
  }
}
