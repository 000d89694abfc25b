package dev.moat.server;

import dev.moat.arm.auth.Principal;
import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.containerregistry.RegistryDirectory;
import dev.moat.containerregistry.RegistryRecord;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.doctor.ArmReader;
import dev.moat.doctor.DoctorRoutes;
import dev.moat.doctor.NetworkIsolationDoctor;
import dev.moat.doctor.RegistryCatalog;
import dev.moat.doctor.Topology;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.PrivateZoneInventory;
import dev.moat.mcr.BootstrapCatalog;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the network-isolation doctor and the topology page from the very parts the nodes use: the
 * fabric, the network and zone inventories, the RBAC authorizer, the managed identities and the
 * registry directory the data plane reads.
 */
final class DoctorWiring {
  /** The doctor reads ARM as this principal (reads only). */
  static final String DOCTOR_OBJECT_ID = "6d6f6174-646f-4000-8000-00000000d0c7";

  private DoctorWiring() {}

  static HostDispatcher.Route route(
      ProviderContext context,
      NetworkFabric fabric,
      NetworkInventory network,
      PrivateZoneInventory zones,
      PrivateEndpointConnections connections,
      RegistryDirectory directory,
      ManagedIdentities identities,
      Authorizer authorizer) {
    ArmReader arm =
        new ArmReader(
            context.internalArm(),
            new Principal(
                context.tenancy().tenantId(),
                DOCTOR_OBJECT_ID,
                DOCTOR_OBJECT_ID,
                Principal.PrincipalType.ServicePrincipal,
                "Moat network-isolation doctor"));
    RegistryCatalog registries = registries(directory);
    NetworkIsolationDoctor doctor =
        new NetworkIsolationDoctor(
            arm,
            fabric,
            network,
            zones,
            connections,
            registries,
            identities,
            authorizer,
            BootstrapCatalog.shipped(),
            context.clock());
    Topology topology =
        new Topology(
            arm,
            network,
            zones,
            registries,
            context.tenancy().subscriptions().stream()
                .map(Tenancy.Subscription::subscriptionId)
                .toList());
    DoctorRoutes routes = new DoctorRoutes(doctor, topology, fabric);
    return new HostDispatcher.Route(call -> DoctorRoutes.handles(call.path()), routes);
  }

  static RegistryCatalog registries(RegistryDirectory directory) {
    return new RegistryCatalog() {
      @Override
      public Optional<RegistryFacts> find(ResourceId registryId) {
        return directory.find(registryId).map(DoctorWiring::facts);
      }

      @Override
      public List<RegistryFacts> all() {
        return directory.all().stream().map(DoctorWiring::facts).toList();
      }
    };
  }

  private static RegistryCatalog.RegistryFacts facts(RegistryRecord r) {
    return new RegistryCatalog.RegistryFacts(
        r.id(),
        r.loginServer().toLowerCase(Locale.ROOT),
        r.location(),
        r.sku().name(),
        r.publicNetworkAccess() == PublicNetworkAccess.Enabled,
        r.anonymousPullEnabled(),
        r.dataEndpointHostNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
        r.cacheRules().stream()
            .map(
                c ->
                    new RegistryCatalog.CacheRule(
                        c.name(), c.sourceRepository(), c.targetRepository()))
            .toList(),
        repository ->
            r.upstreamFor(repository)
                .map(
                    m ->
                        new RegistryCatalog.Upstream(
                            m.cacheRuleName(),
                            m.upstream().loginServer(),
                            m.upstream().repository())));
  }
}
