package dev.moat.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import java.io.IOException;

/**
 * JSON parsing for the CLI. The mapper is configured once here and never changed afterwards, which
 * is what makes sharing it across in-process CLI runs safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** Parses a response body; empty text is a missing node. */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw CliException.command("the server sent a body that is not JSON: " + abbreviate(text));
    }
  }

  /** Parses user input (a {@code --body}), reporting az's message for bad JSON. */
  public static JsonNode parseArgument(String name, String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw CliException.usage(
          "Failed to parse string as JSON:\n"
              + text
              + "\nError detail: "
              + e.getOriginalMessage()
              + " (argument "
              + name
              + ")");
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
