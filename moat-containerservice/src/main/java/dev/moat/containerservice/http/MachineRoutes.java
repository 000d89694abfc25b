package dev.moat.containerservice.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.containerservice.model.Node;
import dev.moat.containerservice.service.PoolService;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * Read-only node status: {@code GET .../agentPools/{p}/machines[/{name}]}, AKS's Machines API
 * ({@code properties.network.ipAddresses}, {@code properties.resources}, {@code status}) extended
 * with Moat's {@code properties.moat}: the node's address, the image and bootstrap configuration it
 * was imaged with ({@code artifactSource}, {@code registryLoginServer}, {@code kubernetesVersion}),
 * and {@code state} Pending, Ready or Failed with the provisioning exit code, its name and message.
 */
public final class MachineRoutes {
  private final PoolService pools;

  public MachineRoutes(PoolService pools) {
    this.pools = pools;
  }

  record IpAddress(String family, String ip) {}

  record Network(List<IpAddress> ipAddresses) {}

  record Resources(String vmSize) {}

  record Status(String provisioningState, String creationTimestamp) {}

  record MoatNode(
      String address,
      String nodeImageVersion,
      String artifactSource,
      String registryLoginServer,
      String kubernetesVersion,
      long generation,
      String state,
      Integer exitCode,
      String exitName,
      String message) {}

  record Properties(
      Network network,
      Resources resources,
      Status status,
      String nodeImageVersion,
      MoatNode moat) {}

  record Machine(String id, String name, String type, List<String> zones, Properties properties) {}

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(
            ContainerServiceTypes.MACHINE, ApiVersions.MANAGED_CLUSTERS)
        .item("GET", this::get)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse list(ArmRequest request) {
    AgentPool pool = pools.get(request.parent());
    return ArmResponse.page(pool.status().nodes(), n -> machine(pool, n));
  }

  private ArmResponse get(ArmRequest request) {
    ResourceId id = request.id();
    AgentPool pool = pools.get(id.parent().orElseThrow());
    return pool.status().nodes().stream()
        .filter(n -> n.name().equalsIgnoreCase(id.name()))
        .findFirst()
        .map(n -> ArmResponse.ok(machine(pool, n)))
        .orElseThrow(() -> CommonError.NOT_FOUND_PATH.exception(id));
  }

  private static Machine machine(AgentPool pool, Node n) {
    boolean ready = n.state() == Node.NodeState.Ready;
    return new Machine(
        pool.id().child("machines", n.name()).toString(),
        n.name(),
        ContainerServiceTypes.MACHINE.value(),
        pool.spec().availabilityZones().isEmpty() ? null : pool.spec().availabilityZones(),
        new Properties(
            new Network(List.of(new IpAddress("IPv4", n.address()))),
            new Resources(pool.spec().vmSize()),
            new Status(
                switch (n.state()) {
                  case Pending -> "Creating";
                  case Ready -> "Succeeded";
                  case Failed -> "Failed";
                },
                n.bootstrappedAt() == null ? null : n.bootstrappedAt().toString()),
            n.imageVersion(),
            new MoatNode(
                n.address(),
                n.imageVersion(),
                n.artifactSource().name(),
                n.registryLoginServer(),
                n.kubernetesVersion(),
                n.generation(),
                n.state().name(),
                ready ? null : n.exitCode(),
                n.exitName(),
                n.message())));
  }
}
