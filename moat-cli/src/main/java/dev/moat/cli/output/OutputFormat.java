package dev.moat.cli.output;

import dev.moat.cli.CliException;
import java.util.Locale;

/** az's {@code --output} values. */
public enum OutputFormat {
  JSON,
  JSONC,
  NONE,
  TABLE,
  TSV,
  YAML,
  YAMLC;

  public static OutputFormat parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CliException.usage(
          "argument --output/-o: invalid choice: '"
              + value
              + "' (choose from 'json', 'jsonc', 'none', 'table', 'tsv', 'yaml', 'yamlc')");
    }
  }
}
