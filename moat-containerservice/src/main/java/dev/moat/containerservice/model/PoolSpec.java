package dev.moat.containerservice.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for in an agent pool.
 *
 * @param passthrough the pool's settable properties Moat keeps verbatim without acting on them
 *     ({@code enableNodePublicIP}, {@code upgradeSettings}, …), merged back into responses
 */
public record PoolSpec(
    int count,
    String vmSize,
    String osType,
    String osSku,
    String mode,
    String type,
    ResourceId vnetSubnetId,
    String orchestratorVersion,
    int maxPods,
    Integer osDiskSizeGb,
    List<String> availabilityZones,
    Map<String, String> nodeLabels,
    Boolean enableAutoScaling,
    Integer minCount,
    Integer maxCount,
    Map<String, String> tags,
    JsonNode passthrough) {

  public PoolSpec {
    availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    nodeLabels = nodeLabels == null ? Map.of() : Map.copyOf(nodeLabels);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    passthrough = PassThrough.orEmpty(passthrough);
  }
}
