package dev.moat.server.spec;

import dev.moat.server.MoatCloud;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;

/** A whole Moat with the parents {@link ServedTypes} needs. */
final class SpecFixture {
  private SpecFixture() {}

  static TestMoat start() {
    TestMoat moat = TestMoat.start(MoatCloud::assemble);
    String rg = moat.createGroup("prop", "eastus");
    put(
        moat,
        rg + "/providers/Microsoft.Network/virtualNetworks/pvnet",
        "2024-05-01",
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
            + "[\"10.200.0.0/16\"]},\"subnets\":[{\"name\":\"pe\",\"properties\":"
            + "{\"addressPrefix\":\"10.200.250.0/24\"}}]}}");
    put(
        moat,
        rg + "/providers/Microsoft.Network/privateDnsZones/pz.example.com",
        "2024-06-01",
        "{\"location\":\"global\"}");
    put(
        moat,
        rg + "/providers/Microsoft.ContainerRegistry/registries/propacr",
        "2025-11-01",
        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}");
    return moat;
  }

  static void put(TestMoat moat, String path, String version, String json) {
    ArmResult r = moat.arm().put(path, version, json).expectStatus(200, 201, 202);
    if (r.header("Azure-AsyncOperation").isPresent()) {
      moat.arm().awaitOperation(r);
    }
  }
}
