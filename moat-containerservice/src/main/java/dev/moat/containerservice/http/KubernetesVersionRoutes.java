package dev.moat.containerservice.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerservice.validation.KubernetesVersions;
import dev.moat.platform.id.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * {@code GET
 * /subscriptions/{s}/providers/Microsoft.ContainerService/locations/{l}/kubernetesVersions}.
 */
public final class KubernetesVersionRoutes {
  static final ResourceType TYPE =
      ResourceType.of("Microsoft.ContainerService/locations/kubernetesVersions");

  private final KubernetesVersions versions;

  public KubernetesVersionRoutes(KubernetesVersions versions) {
    this.versions = versions;
  }

  record Version(
      String version,
      Boolean isDefault,
      Capabilities capabilities,
      boolean isPreview,
      Map<String, List<String>> patchVersions) {}

  record Capabilities(List<String> supportPlan) {}

  record Page(List<Version> values) {}

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(TYPE, ApiVersions.MANAGED_CLUSTERS)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse list(ArmRequest request) {
    List<Version> out =
        versions.minors().stream()
            .map(
                m -> {
                  Map<String, List<String>> patches = new java.util.LinkedHashMap<>();
                  m.patches().forEach(p -> patches.put(p, upgrades(p)));
                  return new Version(
                      m.version(),
                      m.isDefault() ? true : null,
                      new Capabilities(List.of("KubernetesOfficial")),
                      m.preview(),
                      patches);
                })
            .toList();
    return ArmResponse.ok(new Page(out));
  }

  private List<String> upgrades(String patch) {
    return versions.minors().stream()
        .flatMap(m -> m.patches().stream())
        .filter(p -> compare(p, patch) > 0)
        .toList();
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
