package dev.moat.privatedns.http;

import java.util.List;

/** The api-versions of private DNS that clients send. */
final class PrivateDnsApiVersions {
  /**
   * 2018-09-01: az 2.45 ({@code azure-mgmt-privatedns}); 2020-01-01 and 2020-06-01: later az and
   * ARM templates; 2024-06-01: Azure SDK for Java 2.57 ({@code azure-resourcemanager-privatedns}
   * 2.53.5) and the newest stable; 2026-06-01-preview: the newest preview.
   */
  static final List<String> ALL =
      List.of("2018-09-01", "2020-01-01", "2020-06-01", "2024-06-01", "2026-06-01-preview");

  private PrivateDnsApiVersions() {}
}
