package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.moat.cli.CliException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.PrintStream;
import java.util.function.UnaryOperator;

/**
 * Applies {@code --query} (full JMESPath) and prints a command's result in the chosen {@code
 * --output} format. A command with no result (deletes, {@code --no-wait}) prints nothing, as az.
 */
public final class ResultPrinter {
  private final JmesPath<JsonNode> jmespath = new JacksonRuntime();
  private final OutputFormat format;
  private final Expression<JsonNode> query;
  private final String queryText;

  public ResultPrinter(OutputFormat format, String query) {
    this.format = format;
    this.queryText = query;
    this.query = query == null ? null : compile(query);
  }

  private Expression<JsonNode> compile(String text) {
    try {
      return jmespath.compile(text);
    } catch (RuntimeException e) {
      throw CliException.usage("argument --query: invalid jmespath_type value: '" + text + "'");
    }
  }

  /**
   * Prints {@code result}; {@code tableTransform} reshapes it for {@code -o table} when no query is
   * given (az's per-command table transformers), or is null.
   */
  public void print(JsonNode result, UnaryOperator<JsonNode> tableTransform, PrintStream out) {
    if (result == null || result.isMissingNode()) {
      return;
    }
    JsonNode shown = query == null ? result : query.search(result);
    if (shown == null || shown.isNull() || shown.isMissingNode()) {
      if (query != null || format == OutputFormat.NONE) {
        return;
      }
      shown = NullNode.getInstance();
    }
    switch (format) {
      case NONE -> {}
      case JSON -> out.println(new JsonText(false).write(shown));
      case JSONC -> out.println(new JsonText(true).write(shown));
      case TSV -> out.print(TsvText.write(shown));
      case YAML, YAMLC -> out.print(YamlText.write(shown));
      case TABLE -> {
        boolean transformed = queryText == null && tableTransform != null;
        JsonNode rows = transformed ? tableTransform.apply(shown) : shown;
        out.print(TableText.write(rows, queryText == null && !transformed));
      }
      default -> throw new IllegalStateException(format.name());
    }
    out.flush();
  }
}
