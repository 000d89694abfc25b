package dev.moat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The az options Moat's CLI knows of but does not support, each with the reason ({@code
 * unsupported-options.tsv}: command, option, reason). A user who types one gets the reason instead
 * of {@code unrecognized arguments}. Commands declared as option tables mark theirs inline ({@code
 * Opt.unsupported}); this table serves the annotated ones. Read only when a command line has an
 * unknown option, so start-up does not pay for it.
 */
final class Unsupported {
  private static final String RESOURCE = "/dev/moat/cli/unsupported-options.tsv";

  private Unsupported() {}

  /** Command (without {@code az }) to option to reason. */
  static Map<String, Map<String, String>> table() {
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    try (InputStream in = Unsupported.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return table;
      }
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 3))
          .forEach(
              c -> table.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], c[2].strip()));
      return table;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why {@code option} of {@code command} is not supported, or null when it is not listed. */
  static String reason(String command, String option) {
    return table().getOrDefault(command, Map.of()).get(option);
  }
}
