package dev.moat.containerservice.http;

import java.util.List;

/**
 * The api-versions clients send for managed clusters and agent pools: az 2.45 (2022-11-01), the
 * Azure SDK for Java 2.57 (containerservice 2.56.1: 2025-09-01), Moat's CLI (2025-10-01), newer az
 * (2025-xx, 2026-01-01, 2026-03-01), the newest stable 2026-08-01 / 2026-10-01 and the previews.
 * Every answer has the newest shape; clients ignore fields they do not know.
 */
final class ApiVersions {
  private ApiVersions() {}

  static final List<String> MANAGED_CLUSTERS =
      List.of(
          "2022-09-01",
          "2022-11-01",
          "2023-01-01",
          "2023-05-01",
          "2023-08-01",
          "2024-01-01",
          "2024-05-01",
          "2024-09-01",
          "2025-01-01",
          "2025-02-01",
          "2025-03-01",
          "2025-04-01",
          "2025-05-01",
          "2025-06-01",
          "2025-07-01",
          "2025-08-01",
          "2025-09-01",
          "2025-10-01",
          "2026-01-01",
          "2026-03-01",
          "2026-04-02-preview",
          "2026-07-01",
          "2026-08-01",
          "2026-08-02-preview",
          "2026-10-01");
}
