package dev.moat.registry.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A logical registry: the namespace of one ACR resource, named by the first label of its login
 * server ({@code myacr} for {@code myacr.azurecr.io}), or any host-like name for upstreams ({@code
 * mcr.microsoft.com}). Case-insensitive, stored lower-case.
 */
public record RegistryName(String value) {
  private static final Pattern GRAMMAR = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252}[a-z0-9])?");

  public RegistryName {
    value = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (value == null || !GRAMMAR.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid registry name: " + value);
    }
  }

  public static RegistryName of(String value) {
    return new RegistryName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
