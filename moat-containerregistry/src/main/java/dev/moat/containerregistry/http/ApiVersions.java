package dev.moat.containerregistry.http;

import java.util.List;

/**
 * The api-versions Microsoft.ContainerRegistry accepts, per resource type. They cover what clients
 * send: Azure SDK for Java (containerregistry 2.54.1: 2025-11-01), az 2.45 (2022-02-01-preview,
 * 2023-01-01-preview), newer az (2025-11-01, 2026-01-01-preview), Moat's CLI (2025-11-01) and the
 * newest in the spec repo (2026-09-01-preview; TypeSpec also lists 2026-11-01).
 */
final class ApiVersions {
  private ApiVersions() {}

  /** Registries, private link resources and checkNameAvailability. */
  static final List<String> REGISTRY =
      List.of(
          "2016-06-27-preview",
          "2017-03-01",
          "2017-06-01-preview",
          "2017-10-01",
          "2019-05-01",
          "2019-06-01-preview",
          "2019-12-01-preview",
          "2020-11-01-preview",
          "2021-06-01-preview",
          "2021-08-01-preview",
          "2021-09-01",
          "2021-12-01-preview",
          "2022-02-01-preview",
          "2022-12-01",
          "2023-01-01-preview",
          "2023-06-01-preview",
          "2023-07-01",
          "2023-08-01-preview",
          "2023-11-01-preview",
          "2024-11-01-preview",
          "2025-03-01-preview",
          "2025-04-01",
          "2025-05-01-preview",
          "2025-11-01",
          "2026-01-01-preview",
          "2026-09-01-preview",
          "2026-11-01");

  /** Cache rules and credential sets, which appeared in 2023-01-01-preview. */
  static final List<String> CACHE =
      REGISTRY.subList(REGISTRY.indexOf("2023-01-01-preview"), REGISTRY.size());
}
