package dev.moat.network.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneRecordPlannerTest {
  @Test
  void recordNameIsTheFqdnWithoutTheZoneSuffix() {
    assertThat(ZoneRecordPlanner.relativeName("myacr.azurecr.io", "privatelink.azurecr.io"))
        .contains("myacr");
    assertThat(
            ZoneRecordPlanner.relativeName(
                "myacr.eastus.data.azurecr.io", "privatelink.azurecr.io"))
        .contains("myacr.eastus.data");
    assertThat(
            ZoneRecordPlanner.relativeName(
                "myacr.privatelink.azurecr.io", "privatelink.azurecr.io"))
        .contains("myacr");
  }

  @Test
  void namesOutsideTheZoneGetNoRecord() {
    assertThat(ZoneRecordPlanner.relativeName("vault.vault.azure.net", "privatelink.azurecr.io"))
        .isEmpty();
    assertThat(ZoneRecordPlanner.relativeName("azurecr.io", "privatelink.azurecr.io")).isEmpty();
  }
}
