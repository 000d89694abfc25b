package dev.moat.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.doctor.RegistryCatalog.RegistryFacts;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.Source;
import dev.moat.fabric.dns.RecordType;
import dev.moat.fabric.dns.Resolution;
import dev.moat.fabric.reach.Reachability;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.SubnetView;
import dev.moat.mcr.Artifact;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.id.ResourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks whether a node of a cluster would bootstrap, link by link (reference §6 NODE1–NODE8 and
 * the misconfigurations of TS1–TS5, BYO1–BYO4, MACR1–MACR5, NI1–NI7, VNI2), for a cluster as it is
 * or as {@code az aks create} with given arguments would build it. Reads only; thread-safe.
 */
public final class NetworkIsolationDoctor {
  private final ArmReader arm;
  private final NetworkFabric fabric;
  private final NetworkInventory network;
  private final RegistryCatalog registries;
  private final ManagedIdentities identities;
  private final Authorizer authorizer;
  private final BootstrapCatalog catalog;
  private final RegistryPath path;
  private final Clock clock;

  public NetworkIsolationDoctor(
      ArmReader arm,
      NetworkFabric fabric,
      NetworkInventory network,
      dev.moat.fabric.topology.PrivateZoneInventory zones,
      dev.moat.platform.contracts.PrivateEndpointConnections connections,
      RegistryCatalog registries,
      ManagedIdentities identities,
      Authorizer authorizer,
      BootstrapCatalog catalog,
      Clock clock) {
    this.arm = arm;
    this.fabric = fabric;
    this.network = network;
    this.registries = registries;
    this.identities = identities;
    this.authorizer = authorizer;
    this.catalog = catalog;
    this.path = new RegistryPath(fabric, zones, connections);
    this.clock = clock;
  }

  /** The cluster as it is; empty when it does not exist. */
  public Optional<Report> check(ResourceId cluster) {
    return check(cluster, null);
  }

  /**
   * The cluster as it is when it exists, else what {@code createBody} (the PUT {@code az aks
   * create} would send) would build; empty when neither.
   */
  public Optional<Report> check(ResourceId cluster, JsonNode createBody) {
    Instant start = clock.instant();
    Optional<JsonNode> existing = arm.get(cluster, ArmReader.CLUSTERS);
    if (existing.isEmpty() && createBody == null) {
      return Optional.empty();
    }
    boolean exists = existing.isPresent();
    ClusterPlan plan = ClusterPlan.parse(cluster, existing.orElse(createBody));
    List<Link> links = new ArrayList<>();
    walk(plan, exists, links);
    if (exists) {
      links.addAll(nodes(plan));
    }
    boolean ok = links.stream().noneMatch(l -> l.status() == Link.Status.FAIL);
    long took = Duration.between(start, clock.instant()).toMillis();
    return Optional.of(new Report(cluster.toString(), exists, ok, links, took));
  }

  private void walk(ClusterPlan c, boolean exists, List<Link> links) {
    links.add(isolation(c));
    links.add(controlPlane(c));
    if (c.vnetIntegration() && c.apiServerSubnet() != null) {
      links.add(apiServerSubnet(c));
    }
    Optional<ResourceId> subnet = nodeSubnet(c, exists);
    links.add(subnetLink(c, subnet, exists));
    if (!c.cache()) {
      subnet.ifPresent(s -> links.addAll(direct(c, s)));
      return;
    }
    if (c.managedRegistry() && !exists) {
      links.addAll(plannedManagedRegistry(c));
      return;
    }
    Optional<RegistryFacts> registry = registry(c, links);
    Optional<Identity> kubelet = kubelet(c, exists, links);
    if (registry.isEmpty()) {
      return;
    }
    RegistryFacts r = registry.get();
    links.add(path.cacheRule(c, r, artifacts(c)));
    kubelet.ifPresent(k -> links.add(acrPull(c, r, k)));
    if (subnet.isEmpty()) {
      return;
    }
    links.add(path.endpointLink(c, subnet.get(), r));
    links.addAll(path.nameLinks(c, subnet.get(), r, r.loginServer(), "registry", "registry"));
    dataEndpoint(r)
        .ifPresent(
            d ->
                links.addAll(
                    path.nameLinks(
                        c, subnet.get(), r, d, "registry_data_" + r.location(), "data")));
  }

  /** NI1 / NI2. */
  private Link isolation(ClusterPlan c) {
    String title = "network isolation (artifact source and outbound type)";
    String evidence =
        "bootstrapProfile.artifactSource "
            + c.artifactSource()
            + ", outboundType "
            + c.outboundType();
    if (c.isolatedOutbound() && !c.cache()) {
      return Link.fail(
          "isolation",
          "cluster",
          title,
          evidence
              + ": InvalidNetworkIsolatedClusterConfiguration — when outbound type is none or block, bootstrapProfile.artifactSource must be 'Cache'",
          "NI2",
          List.of(Fixes.isolate(c)));
    }
    if (c.cache() && c.isolatedOutbound()) {
      return Link.pass("isolation", "cluster", title, evidence + ": network isolated", "NI1");
    }
    if (c.cache()) {
      return Link.warn(
          "isolation",
          "cluster",
          title,
          evidence
              + ": Cache with outbound "
              + c.outboundType()
              + " may still generate egress traffic",
          "NI1",
          List.of(Fixes.isolate(c)));
    }
    return Link.warn(
        "isolation",
        "cluster",
        title,
        evidence + ": not network isolated; nodes pull from mcr.microsoft.com over the internet",
        "NI1",
        List.of(Fixes.isolate(c)));
  }

  /** NI7. */
  private Link controlPlane(ClusterPlan c) {
    String title = "private control plane";
    if (c.privateCluster() || c.vnetIntegration()) {
      String mode =
          c.vnetIntegration()
              ? "API Server VNet Integration" + (c.privateCluster() ? " (private)" : "")
              : "private link (private endpoint in the first pool's subnet)";
      return Link.pass("control-plane", "cluster", title, mode, "NI7");
    }
    return Link.warn(
        "control-plane",
        "cluster",
        title,
        "the API server is public: network isolated clusters are meant to use a private cluster or API Server VNet Integration",
        "NI7",
        List.of());
  }

  /** VNI2: the API server subnet is delegated (or delegable), at least /28, and joinable. */
  private Link apiServerSubnet(ClusterPlan c) {
    ResourceId s = c.apiServerSubnet();
    String title = "API server subnet " + s.name();
    Optional<JsonNode> subnet = arm.get(s, ArmReader.NETWORK);
    if (subnet.isEmpty()) {
      return Link.fail(
          "apiserver-subnet",
          "cluster",
          title,
          "subnet " + s + " does not exist",
          "VNI2",
          List.of());
    }
    JsonNode p = subnet.get().path("properties");
    List<String> delegations = new ArrayList<>();
    p.path("delegations")
        .forEach(d -> delegations.add(d.path("properties").path("serviceName").asText()));
    String prefix = p.path("addressPrefix").asText("");
    String evidence =
        "prefix "
            + prefix
            + ", delegations "
            + (delegations.isEmpty() ? "none (AKS delegates it)" : delegations);
    if (!delegations.isEmpty()
        && !delegations.contains("Microsoft.ContainerService/managedClusters")) {
      return Link.fail(
          "apiserver-subnet",
          "cluster",
          title,
          evidence + ": delegated to another service",
          "VNI2",
          List.of());
    }
    if (c.controlPlaneIdentity() == null) {
      return Link.pass("apiserver-subnet", "cluster", title, evidence, "VNI2");
    }
    Optional<ManagedIdentities.Identity> id = identities.find(c.controlPlaneIdentity());
    if (id.isEmpty()) {
      return Link.fail(
          "apiserver-subnet",
          "cluster",
          title,
          "control-plane identity " + c.controlPlaneIdentity() + " does not exist",
          "VNI2",
          List.of());
    }
    if (authorizer.allowed(id.get().principalId(), Fixes.JOIN_ACTION, s)) {
      return Link.pass(
          "apiserver-subnet",
          "cluster",
          title,
          evidence
              + "; control-plane identity "
              + c.controlPlaneIdentity().name()
              + " may "
              + Fixes.JOIN_ACTION
              + " (Network Contributor)",
          "VNI2");
    }
    return Link.fail(
        "apiserver-subnet",
        "cluster",
        title,
        evidence
            + "; LinkedAuthorizationFailed: control-plane identity "
            + c.controlPlaneIdentity().name()
            + " ("
            + id.get().principalId()
            + ") lacks "
            + Fixes.JOIN_ACTION
            + " on the subnet",
        "VNI2",
        List.of(Fixes.networkContributor(s, id.get().principalId())));
  }

  /** The node subnet: the first pool's, or the AKS-managed VNet's. */
  private Optional<ResourceId> nodeSubnet(ClusterPlan c, boolean exists) {
    if (c.nodeSubnet() != null) {
      return Optional.of(c.nodeSubnet());
    }
    if (!exists) {
      return Optional.empty();
    }
    return network.virtualNetworks().stream()
        .filter(
            v -> v.id().resourceGroup().orElse("").equalsIgnoreCase(c.nodeResourceGroup().name()))
        .flatMap(v -> v.subnets().stream())
        .map(SubnetView::id)
        .findFirst();
  }

  private Link subnetLink(ClusterPlan c, Optional<ResourceId> subnet, boolean exists) {
    String title = "node subnet";
    if (subnet.isEmpty()) {
      return Link.planned(
          "node-subnet",
          "node",
          title,
          "AKS will create virtual network aks-vnet-… (10.224.0.0/12) with subnet aks-subnet in "
              + c.nodeResourceGroup().name(),
          "OUT1");
    }
    ResourceId s = subnet.get();
    Optional<SubnetView> view =
        network.virtualNetworks().stream()
            .filter(v -> v.id().equals(s.parent().orElseThrow()))
            .flatMap(v -> v.subnets().stream())
            .filter(x -> x.id().equals(s))
            .findFirst();
    if (view.isEmpty()) {
      return Link.fail(
          "node-subnet", "node", title, "subnet " + s + " does not exist", "BYO3", List.of());
    }
    String evidence =
        s.parent().orElseThrow().name()
            + "/"
            + s.name()
            + " "
            + view.get().addressPrefixes()
            + ", default outbound access "
            + (view.get().defaultOutboundAccess() ? "on" : "off")
            + ", node egress from outbound type "
            + c.outboundType()
            + ": "
            + dev.moat.nodes.NodeAgents.egressOf(c.outboundType())
                .map(Enum::name)
                .orElse("the subnet's default");
    if ("none".equalsIgnoreCase(c.outboundType()) && view.get().defaultOutboundAccess()) {
      return Link.warn(
          "node-subnet",
          "node",
          title,
          evidence
              + ": outbound type none leaves the subnet's default outbound access, so nodes can still reach the internet",
          "OUT4",
          List.of(
              "az network vnet subnet update -g "
                  + Fixes.group(s)
                  + " --vnet-name "
                  + s.parent().orElseThrow().name()
                  + " -n "
                  + s.name()
                  + " --default-outbound-access false"));
    }
    return Link.pass("node-subnet", "node", title, evidence, "OUT1");
  }

  /** Direct: the node pulls from mcr.microsoft.com itself (NODE2's outbound check). */
  private List<Link> direct(ClusterPlan c, ResourceId subnet) {
    Source node = RegistryPath.nodeSource(c, subnet);
    Resolution res = fabric.resolve(node, "mcr.microsoft.com", RecordType.A);
    List<Link> out = new ArrayList<>();
    if (res.addresses().isEmpty()) {
      out.add(
          Link.fail(
              "mcr-dns",
              "dns",
              "mcr.microsoft.com resolves",
              "lookup mcr.microsoft.com: " + res.status(),
              "NODE2",
              List.of(Fixes.isolate(c))));
      return out;
    }
    String address = res.addresses().get(0);
    out.add(
        Link.pass(
            "mcr-dns",
            "dns",
            "mcr.microsoft.com resolves",
            "mcr.microsoft.com → " + String.join(", ", res.addresses()) + " (public DNS)",
            "NODE2"));
    Reachability r = fabric.check(node, address, 443);
    String title = "node connects to mcr.microsoft.com (" + address + ":443)";
    out.add(
        r.isAllowed()
            ? Link.pass("mcr-path", "network", title, r.detail(), "NODE2")
            : Link.fail(
                "mcr-path",
                "network",
                title,
                r.denial().orElseThrow().code()
                    + ": "
                    + r.detail()
                    + " — the node fails with exit status=50 (ERR_OUTBOUND_CONN_FAIL)",
                "NODE2",
                List.of(Fixes.isolate(c))));
    return out;
  }

  /** MACR1–MACR2: what AKS creates with the cluster. */
  private List<Link> plannedManagedRegistry(ClusterPlan c) {
    String rg = c.nodeResourceGroup().name();
    return List.of(
        Link.planned(
            "registry",
            "registry",
            "AKS-managed bootstrap registry",
            "AKS will create a Premium registry aksbootstrap… (public network access Disabled, anonymous pull off) in "
                + rg,
            "MACR1"),
        Link.planned(
            "cache-rule",
            "registry",
            "cache rule aks-managed-repository/* → mcr.microsoft.com/*",
            "AKS will create cache rule aks-managed-mcr: mcr.microsoft.com/* → aks-managed-repository/*",
            "MACR2"),
        Link.planned(
            "private-endpoint",
            "network",
            "private endpoint of the bootstrap registry",
            "AKS will create a private endpoint in the first pool's subnet and a zone group writing both A records",
            "MACR1"),
        Link.planned(
            "registry-dns",
            "dns",
            "private DNS zone privatelink.azurecr.io",
            "AKS will create zone privatelink.azurecr.io in "
                + rg
                + ", linked to the cluster's virtual network",
            "MACR1"),
        Link.planned(
            "acr-pull",
            "identity",
            "AcrPull for the kubelet identity",
            "AKS will assign AcrPull on the registry to the kubelet identity"
                + (c.kubeletIdentity() != null
                    ? " " + c.kubeletIdentity().name()
                    : " " + c.name() + "-agentpool"),
            "MACR1"));
  }

  /** BYO1 / MACR5: the registry exists and is Premium. */
  private Optional<RegistryFacts> registry(ClusterPlan c, List<Link> links) {
    if (c.managedRegistry()) {
      Optional<RegistryFacts> managed =
          registries.all().stream()
              .filter(
                  r ->
                      r.id()
                          .resourceGroup()
                          .orElse("")
                          .equalsIgnoreCase(c.nodeResourceGroup().name()))
              .filter(r -> r.name().toLowerCase(Locale.ROOT).contains("bootstrap"))
              .findFirst();
      links.add(
          managed
              .map(
                  r ->
                      Link.pass(
                          "registry",
                          "registry",
                          "AKS-managed bootstrap registry",
                          describe(r),
                          "MACR1"))
              .orElse(
                  Link.fail(
                      "registry",
                      "registry",
                      "AKS-managed bootstrap registry",
                      "no registry named with 'bootstrap' in "
                          + c.nodeResourceGroup().name()
                          + " (deleted?)",
                      "MACR5",
                      List.of(Fixes.reconcile(c)))));
      return managed;
    }
    ResourceId id = c.registryId();
    Optional<RegistryFacts> r = registries.find(id);
    String title = "bootstrap registry " + id.name();
    if (r.isEmpty()) {
      links.add(
          Link.fail(
              "registry",
              "registry",
              title,
              "registry " + id + " does not exist",
              "BYO1",
              List.of(
                  "az acr create --resource-group "
                      + Fixes.group(id)
                      + " --name "
                      + id.name()
                      + " --sku Premium --public-network-enabled false",
                  Fixes.createCacheRule(id))));
      return Optional.empty();
    }
    if (!"Premium".equalsIgnoreCase(r.get().sku())) {
      links.add(
          Link.fail(
              "registry",
              "registry",
              title,
              describe(r.get()) + ": the registry must be Premium",
              "BYO1",
              List.of(
                  "az acr update -n " + id.name() + " -g " + Fixes.group(id) + " --sku Premium")));
      return r;
    }
    links.add(Link.pass("registry", "registry", title, describe(r.get()), "BYO1"));
    return r;
  }

  private static String describe(RegistryFacts r) {
    return r.loginServer()
        + ", "
        + r.sku()
        + ", public network access "
        + (r.publicNetworkAccess() ? "Enabled" : "Disabled")
        + ", anonymous pull "
        + (r.anonymousPull() ? "on" : "off")
        + ", data endpoints "
        + r.dataEndpoints();
  }

  /** A kubelet identity and its principal. */
  private record Identity(ResourceId id, String principalId) {}

  /** BYO4: the kubelet identity exists (IMDS issues its token to the node). */
  private Optional<Identity> kubelet(ClusterPlan c, boolean exists, List<Link> links) {
    String title = "kubelet identity";
    if (c.kubeletIdentity() == null) {
      if (c.managedRegistry()) {
        return Optional.empty();
      }
      links.add(
          Link.fail(
              "kubelet-identity",
              "identity",
              title,
              "no --assign-kubelet-identity: AKS would create "
                  + c.name()
                  + "-agentpool in "
                  + c.nodeResourceGroup().name()
                  + ", which has no AcrPull on "
                  + c.registryId().name(),
              "BYO4",
              List.of(
                  "az identity create --name "
                      + c.name()
                      + "-identity --resource-group "
                      + c.group(),
                  "az identity create --name "
                      + c.name()
                      + "-kubelet --resource-group "
                      + c.group(),
                  "az role assignment create --role AcrPull --scope "
                      + c.registryId()
                      + " --assignee-object-id $(az identity show --name "
                      + c.name()
                      + "-kubelet --resource-group "
                      + c.group()
                      + " --query principalId -o tsv) --assignee-principal-type ServicePrincipal")));
      return Optional.empty();
    }
    Optional<ManagedIdentities.Identity> id = identities.find(c.kubeletIdentity());
    if (id.isEmpty()) {
      links.add(
          Link.fail(
              "kubelet-identity",
              "identity",
              title,
              "identity "
                  + c.kubeletIdentity()
                  + " does not exist: IMDS has no token for the node (exit status=210)",
              "BYO4",
              List.of(
                  "az identity create --name "
                      + c.kubeletIdentity().name()
                      + " --resource-group "
                      + Fixes.group(c.kubeletIdentity()))));
      return Optional.empty();
    }
    links.add(
        Link.pass(
            "kubelet-identity",
            "identity",
            title,
            c.kubeletIdentity().name()
                + " (client id "
                + id.get().clientId()
                + ", object id "
                + id.get().principalId()
                + "); IMDS issues its token to the cluster's nodes",
            "BYO4"));
    return Optional.of(new Identity(c.kubeletIdentity(), id.get().principalId()));
  }

  /** BYO4 / TS5: the registry's token exchange grants pull (the same RBAC decision). */
  private Link acrPull(ClusterPlan c, RegistryFacts r, Identity k) {
    String title = "AcrPull for the kubelet identity on " + r.name();
    if (authorizer.allowed(k.principalId(), Fixes.ACR_PULL_ACTION, r.id())) {
      return Link.pass(
          "acr-pull",
          "identity",
          title,
          "Azure RBAC allows "
              + Fixes.ACR_PULL_ACTION
              + " for "
              + k.id().name()
              + " at "
              + r.id().name()
              + assignments(k.principalId(), r.id()),
          "BYO4");
    }
    if (r.anonymousPull()) {
      return Link.pass(
          "acr-pull",
          "identity",
          title,
          "no AcrPull, but anonymous pull is enabled on " + r.name(),
          "NODE3");
    }
    return Link.fail(
        "acr-pull",
        "identity",
        title,
        "no role assignment of "
            + k.id().name()
            + " ("
            + k.principalId()
            + ") grants "
            + Fixes.ACR_PULL_ACTION
            + " at a scope covering "
            + r.id()
            + ": the token exchange answers 401 unauthorized (exit status=212)",
        "TS5",
        List.of(c.managedRegistry() ? Fixes.reconcile(c) : Fixes.acrPull(r.id(), k.principalId())));
  }

  /** The assignments of {@code principal} whose scope covers {@code scope}, for evidence. */
  private String assignments(String principal, ResourceId scope) {
    try {
      List<String> found = new ArrayList<>();
      for (JsonNode a :
          arm.list(
              ResourceId.subscription(scope.subscriptionId()),
              "Microsoft.Authorization/roleAssignments",
              ArmReader.AUTHORIZATION)) {
        JsonNode p = a.path("properties");
        Optional<ResourceId> at = ResourceId.tryParse(p.path("scope").asText(""));
        if (principal.equalsIgnoreCase(p.path("principalId").asText())
            && at.isPresent()
            && at.get().contains(scope)) {
          String role = p.path("roleDefinitionId").asText();
          found.add(
              "assignment "
                  + a.path("name").asText()
                  + " (role "
                  + Topology.roleName(role.substring(role.lastIndexOf('/') + 1))
                  + ") at "
                  + at.get());
        }
      }
      return found.isEmpty() ? "" : ": " + String.join("; ", found);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private Optional<String> dataEndpoint(RegistryFacts r) {
    String expected = r.name().toLowerCase(Locale.ROOT) + "." + r.location() + ".data.azurecr.io";
    return r.dataEndpoints().stream()
        .filter(d -> d.equalsIgnoreCase(expected))
        .findFirst()
        .or(() -> r.dataEndpoints().stream().findFirst());
  }

  private List<Artifact> artifacts(ClusterPlan c) {
    if (c.kubernetesVersion() != null) {
      Optional<List<Artifact>> a = catalog.forVersion(c.kubernetesVersion());
      if (a.isPresent()) {
        return a.get();
      }
    }
    return catalog.minorVersions().stream()
        .max(Comparator.naturalOrder())
        .flatMap(catalog::forVersion)
        .orElse(List.of());
  }

  /** Existing nodes: failures they reported, and nodes still imaged for another source (NI6). */
  private List<Link> nodes(ClusterPlan c) {
    List<Link> out = new ArrayList<>();
    JsonNode cluster = arm.get(c.id(), ArmReader.CLUSTERS).orElseThrow();
    for (JsonNode pool : cluster.path("properties").path("agentPoolProfiles")) {
      ResourceId poolId = c.id().child("agentPools", pool.path("name").asText());
      for (JsonNode m :
          arm.list(
              poolId,
              "Microsoft.ContainerService/managedClusters/agentPools/machines",
              ArmReader.CLUSTERS)) {
        JsonNode moat = m.path("properties").path("moat");
        String name = m.path("name").asText();
        String state = moat.path("state").asText();
        String imaged =
            moat.path("artifactSource").asText()
                + (moat.hasNonNull("registryLoginServer")
                    ? " from " + moat.path("registryLoginServer").asText()
                    : "");
        String title = "node " + name + " (" + moat.path("address").asText() + ")";
        boolean stale = !moat.path("artifactSource").asText().equalsIgnoreCase(c.artifactSource());
        if ("Failed".equals(state)) {
          out.add(
              Link.warn(
                  "node:" + name,
                  "node",
                  title,
                  "imaged for "
                      + imaged
                      + "; failed: exit status="
                      + moat.path("exitCode").asText()
                      + " "
                      + moat.path("exitName").asText()
                      + ": "
                      + moat.path("message").asText(),
                  "TS2",
                  List.of(Fixes.reimage(c))));
        } else if (stale) {
          out.add(
              Link.warn(
                  "node:" + name,
                  "node",
                  title,
                  state
                      + ", but imaged for "
                      + imaged
                      + ": the new configuration takes effect only on reimage",
                  "NI6",
                  List.of(Fixes.reimage(c))));
        } else {
          out.add(
              Link.pass("node:" + name, "node", title, state + ", imaged for " + imaged, "NI6"));
        }
      }
    }
    return out;
  }
}
