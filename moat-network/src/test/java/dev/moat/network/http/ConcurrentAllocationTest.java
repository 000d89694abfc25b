package dev.moat.network.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.id.ResourceId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Endpoints created at the same time never share an address. */
class ConcurrentAllocationTest {
  @Test
  void parallelEndpointsGetDistinctAddresses() {
    try (NetworkFixture f = new NetworkFixture()) {
      f.seedNetwork("par");
      ResourceId registry = f.registry("par", "paracr");
      String subnet = f.subnetId("par", "acr-subnet");
      List<CompletableFuture<JsonNode>> puts =
          IntStream.range(0, 6)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              f.putAndWait(
                                  f.net("par", "privateEndpoints", "pe" + i),
                                  NetworkFixture.endpointBody(subnet, registry))))
              .toList();
      Set<String> addresses = new HashSet<>();
      for (CompletableFuture<JsonNode> put : puts) {
        JsonNode nic = f.nicOf(put.join());
        addresses.addAll(NetworkFixture.addressesOf(nic, "registry"));
        addresses.addAll(NetworkFixture.addressesOf(nic, "registry_data_eastus"));
      }
      assertThat(addresses).hasSize(12);
      assertThat(addresses).contains("192.168.2.4", "192.168.2.15").doesNotContain("192.168.2.16");
    }
  }
}
