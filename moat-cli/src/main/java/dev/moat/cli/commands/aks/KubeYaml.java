package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.cli.CliException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a kubeconfig file (YAML, or JSON, which is YAML too) with snakeyaml-engine into a Jackson
 * tree, so the merge works on the same nodes the CLI prints.
 */
final class KubeYaml {
  private KubeYaml() {}

  /** The document, or null for an empty one. */
  static JsonNode read(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      Object document = new Load(LoadSettings.builder().build()).loadFromString(text);
      return document == null ? null : new ObjectMapper().valueToTree(document);
    } catch (YamlEngineException e) {
      throw CliException.command("Failed to load kubeconfig: " + e.getMessage());
    }
  }
}
