package dev.moat.registry.model;

import java.util.regex.Pattern;

/** A tag in the OCI grammar: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
public record Tag(String value) implements Comparable<Tag> {
  private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  public Tag {
    if (value == null || !GRAMMAR.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid tag: " + value);
    }
  }

  public static Tag of(String value) {
    return new Tag(value);
  }

  @Override
  public int compareTo(Tag o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
