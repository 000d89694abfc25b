package dev.moat.network.http;

import java.util.List;

/**
 * The api-versions Moat accepts for virtual networks, subnets, private endpoints and network
 * interfaces: Microsoft.Network's stable versions from the first one with private endpoints to the
 * newest. Covers az 2.45 (2022-xx), Azure SDK for Java 2.57 (2025-03-01), Moat's CLI (2024-05-01)
 * and the newest spec (2026-01-01).
 */
final class NetworkApiVersions {
  static final List<String> ALL =
      List.of(
          "2019-04-01",
          "2019-06-01",
          "2019-07-01",
          "2019-08-01",
          "2019-09-01",
          "2019-11-01",
          "2019-12-01",
          "2020-03-01",
          "2020-04-01",
          "2020-05-01",
          "2020-06-01",
          "2020-07-01",
          "2020-08-01",
          "2020-11-01",
          "2021-02-01",
          "2021-03-01",
          "2021-05-01",
          "2021-08-01",
          "2022-01-01",
          "2022-05-01",
          "2022-07-01",
          "2022-09-01",
          "2022-11-01",
          "2023-02-01",
          "2023-04-01",
          "2023-05-01",
          "2023-06-01",
          "2023-09-01",
          "2023-11-01",
          "2024-01-01",
          "2024-03-01",
          "2024-05-01",
          "2024-07-01",
          "2024-10-01",
          "2025-01-01",
          "2025-03-01",
          "2025-05-01",
          "2025-07-01",
          "2026-01-01");

  private NetworkApiVersions() {}
}
