package dev.moat.registry.model;

import java.util.regex.Pattern;

/**
 * A repository name in the OCI grammar: path components of lower-case alphanumerics joined by
 * {@code .}, {@code _}, {@code __} or dashes, separated by {@code /}, at most 255 characters.
 */
public record RepositoryName(String value) implements Comparable<RepositoryName> {
  private static final Pattern GRAMMAR =
      Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

  public RepositoryName {
    if (value == null || value.length() > 255 || !GRAMMAR.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid repository name: " + value);
    }
  }

  public static RepositoryName of(String value) {
    return new RepositoryName(value);
  }

  @Override
  public int compareTo(RepositoryName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
