package dev.moat.kube.store;

import dev.moat.kube.store.LabelSelector.Operator;
import dev.moat.kube.store.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A small recursive-descent parser for the label selector query form. */
final class SelectorParser {
  private final String text;
  private int pos;

  SelectorParser(String text) {
    this.text = text;
  }

  List<Requirement> parse() {
    List<Requirement> out = new ArrayList<>();
    while (true) {
      skipSpaces();
      out.add(requirement());
      skipSpaces();
      if (pos >= text.length()) {
        return out;
      }
      expect(',');
    }
  }

  private Requirement requirement() {
    if (peek() == '!') {
      pos++;
      skipSpaces();
      return new Requirement(key(), Operator.DOES_NOT_EXIST, Set.of());
    }
    String key = key();
    skipSpaces();
    if (pos >= text.length() || peek() == ',') {
      return new Requirement(key, Operator.EXISTS, Set.of());
    }
    if (text.startsWith("==", pos)) {
      pos += 2;
      return new Requirement(key, Operator.EQUALS, Set.of(value()));
    }
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return new Requirement(key, Operator.NOT_EQUALS, Set.of(value()));
    }
    if (peek() == '=') {
      pos++;
      return new Requirement(key, Operator.EQUALS, Set.of(value()));
    }
    if (word("notin")) {
      return new Requirement(key, Operator.NOT_IN, set());
    }
    if (word("in")) {
      return new Requirement(key, Operator.IN, set());
    }
    throw fail("found '" + rest() + "', expected: in, notin, =, ==, !=, gt, lt");
  }

  private boolean word(String w) {
    if (text.startsWith(w, pos)) {
      int end = pos + w.length();
      if (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '(')) {
        pos = end;
        return true;
      }
    }
    return false;
  }

  private Set<String> set() {
    skipSpaces();
    expect('(');
    Set<String> values = new LinkedHashSet<>();
    while (true) {
      skipSpaces();
      if (peek() == ')') {
        pos++;
        break;
      }
      values.add(value());
      skipSpaces();
      if (peek() == ',') {
        pos++;
      } else if (peek() == ')') {
        pos++;
        break;
      } else {
        throw fail("found '" + rest() + "', expected: ',' or ')'");
      }
    }
    return values;
  }

  private String key() {
    String key = token();
    if (key.isEmpty()) {
      throw fail("found '" + rest() + "', expected: identifier");
    }
    return key;
  }

  private String value() {
    skipSpaces();
    return token();
  }

  private String token() {
    int start = pos;
    while (pos < text.length() && "=!(), ".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw fail("found '" + rest() + "', expected: '" + c + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }

  private String rest() {
    return pos >= text.length() ? "" : text.substring(pos, Math.min(text.length(), pos + 10));
  }

  private KubeException fail(String why) {
    return KubeException.badRequest(
        "unable to parse requirement: unable to parse selector \"" + text + "\": " + why);
  }
}
