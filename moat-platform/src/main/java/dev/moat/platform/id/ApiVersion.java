package dev.moat.platform.id;

import java.util.Optional;
import java.util.regex.Pattern;

/** An ARM {@code api-version} such as {@code 2025-04-01} or {@code 2026-04-02-preview}. */
public record ApiVersion(String value) implements Comparable<ApiVersion> {
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-[a-zA-Z0-9]+)?");

  public ApiVersion {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not an api-version: " + value);
    }
  }

  /** Parses the query value, or returns empty when it is not of the api-version form. */
  public static Optional<ApiVersion> tryParse(String value) {
    return value != null && FORMAT.matcher(value).matches()
        ? Optional.of(new ApiVersion(value))
        : Optional.empty();
  }

  public boolean isPreview() {
    return value.length() > 10;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
