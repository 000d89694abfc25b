package dev.moat.cli.commands;

/** The api-version the CLI sends per resource type (those of az 2.7x and its extensions). */
public final class ApiVersions {
  public static final String RESOURCES = "2025-04-01";
  public static final String SUBSCRIPTIONS = "2022-12-01";
  public static final String NETWORK = "2024-05-01";
  public static final String PRIVATE_DNS = "2024-06-01";
  public static final String MANAGED_IDENTITY = "2023-01-31";
  public static final String AUTHORIZATION = "2022-04-01";
  public static final String CONTAINER_REGISTRY = "2025-11-01";
  public static final String CONTAINER_SERVICE = "2025-10-01";

  private ApiVersions() {}
}
