package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.concurrent.atomic.AtomicReference;

/** Starts Moat with the resources and container registry providers, and small call helpers. */
final class AcrTestSupport {
  static final String V = "2025-11-01";

  final TestMoat moat;
  final ContainerRegistryProvider acr;
  final InMemoryConnections connections;

  private AcrTestSupport(TestMoat moat, ContainerRegistryProvider acr, InMemoryConnections c) {
    this.moat = moat;
    this.acr = acr;
    this.connections = c;
  }

  static AcrTestSupport start() {
    InMemoryConnections connections = new InMemoryConnections();
    AtomicReference<ContainerRegistryProvider> acr = new AtomicReference<>();
    TestMoat moat =
        TestMoat.start(
            c -> {
              ResourcesProvider resources = new ResourcesProvider(c);
              acr.set(new ContainerRegistryProvider(c, resources.groups(), connections));
              return ProviderAssembler.Assembly.of(resources, acr.get());
            });
    return new AcrTestSupport(moat, acr.get(), connections);
  }

  String registryPath(String group, String name) {
    return moat.groupPath(group) + "/providers/Microsoft.ContainerRegistry/registries/" + name;
  }

  /** Creates a registry and waits for it; returns its path. */
  String createRegistry(String group, String name, String sku, String properties) {
    String path = registryPath(group, name);
    ArmResult r =
        moat.arm()
            .put(
                path,
                V,
                "{\"location\":\"eastus\",\"sku\":{\"name\":\""
                    + sku
                    + "\"},\"properties\":"
                    + properties
                    + "}")
            .expectStatus(201);
    succeeded(r);
    return path;
  }

  /** Creates a cache rule and waits for it; returns its path. */
  String createRule(String registryPath, String name, String source, String target) {
    String path = registryPath + "/cacheRules/" + name;
    succeeded(moat.arm().put(path, V, rule(source, target)).expectStatus(201));
    return path;
  }

  static String rule(String source, String target) {
    return "{\"properties\":{\"sourceRepository\":\""
        + source
        + "\",\"targetRepository\":\""
        + target
        + "\"}}";
  }

  JsonNode succeeded(ArmResult started) {
    JsonNode status = moat.arm().awaitOperation(started);
    assertThat(status.path("status").asText()).as("operation %s", status).isEqualTo("Succeeded");
    return status;
  }

  JsonNode get(String path) {
    return moat.arm().get(path, V).expectStatus(200).body();
  }
}
