package dev.moat.containerservice.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.PassThrough;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.platform.json.Json;
import java.util.List;
import java.util.Map;

/** The response shapes of agent pools: a cluster's profile entry and the child resource. */
record PoolView(String id, String name, String type, Profile properties) {

  static final String TYPE = "Microsoft.ContainerService/managedClusters/agentPools";

  record PowerState(String code) {}

  /** An {@code agentPoolProfiles[]} item; {@code name} is null inside the child resource. */
  record Profile(
      String name,
      int count,
      String vmSize,
      Integer osDiskSizeGB,
      String osType,
      String osSKU,
      String mode,
      String type,
      String vnetSubnetID,
      int maxPods,
      String orchestratorVersion,
      String currentOrchestratorVersion,
      String nodeImageVersion,
      String eTag,
      String provisioningState,
      PowerState powerState,
      List<String> availabilityZones,
      Map<String, String> nodeLabels,
      Boolean enableAutoScaling,
      Integer minCount,
      Integer maxCount,
      Map<String, String> tags) {

    static Profile of(AgentPool p, String clusterVersion) {
      return of(p, clusterVersion, p.id().name());
    }

    static Profile of(AgentPool p, String clusterVersion, String name) {
      PoolSpec s = p.spec();
      String version = s.orchestratorVersion() != null ? s.orchestratorVersion() : clusterVersion;
      return new Profile(
          name,
          s.count(),
          s.vmSize(),
          s.osDiskSizeGb(),
          s.osType(),
          s.osSku(),
          s.mode(),
          s.type(),
          s.vnetSubnetId() == null ? null : s.vnetSubnetId().toString(),
          s.maxPods(),
          version,
          version,
          p.status().nodeImageVersion(),
          p.etag(),
          p.status().provisioningState().name(),
          new PowerState("Running"),
          s.availabilityZones().isEmpty() ? null : s.availabilityZones(),
          s.nodeLabels().isEmpty() ? null : s.nodeLabels(),
          s.enableAutoScaling(),
          s.minCount(),
          s.maxCount(),
          s.tags().isEmpty() ? null : s.tags());
    }
  }

  static PoolView of(AgentPool p, String clusterVersion) {
    return new PoolView(
        p.id().toString(), p.id().name(), TYPE, Profile.of(p, clusterVersion, null));
  }

  /** The child resource as ARM shows it: this view with the pool's pass-through properties. */
  JsonNode json(AgentPool p) {
    ObjectNode node = Json.mapper().valueToTree(this);
    PassThrough.mergeInto((ObjectNode) node.get("properties"), p.spec().passthrough());
    return node;
  }
}
