package dev.moat.server.spec;

import java.util.ArrayList;
import java.util.List;

/** The spec tables' path syntax: {@code a.b[].c{}} is {@code [a, b, [], c, {}]}. */
final class JsonPathsForTests {
  private JsonPathsForTests() {}

  static List<String> tokens(String path) {
    List<String> tokens = new ArrayList<>();
    for (String part : path.split("\\.")) {
      String name = part;
      List<String> suffixes = new ArrayList<>();
      while (name.endsWith("[]") || name.endsWith("{}")) {
        suffixes.add(0, name.substring(name.length() - 2));
        name = name.substring(0, name.length() - 2);
      }
      if (!name.isEmpty()) {
        tokens.add(name);
      }
      tokens.addAll(suffixes);
    }
    return tokens;
  }
}
