package dev.moat.containerregistry;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.containerregistry.http.CacheRuleRoutes;
import dev.moat.containerregistry.http.CheckNameRoutes;
import dev.moat.containerregistry.http.CredentialSetRoutes;
import dev.moat.containerregistry.http.ImportImageRoutes;
import dev.moat.containerregistry.http.PrivateLinkResourceRoutes;
import dev.moat.containerregistry.http.RegistryRoutes;
import dev.moat.containerregistry.model.CacheRuleRepository;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.CredentialSetRepository;
import dev.moat.containerregistry.model.Provisioned;
import dev.moat.containerregistry.model.RegistryRepository;
import dev.moat.containerregistry.service.CacheRuleService;
import dev.moat.containerregistry.service.CredentialSetService;
import dev.moat.containerregistry.service.ImageImporter;
import dev.moat.containerregistry.service.ImportImageService;
import dev.moat.containerregistry.service.NameAvailability;
import dev.moat.containerregistry.service.RegistryDirectoryService;
import dev.moat.containerregistry.service.RegistryPrivateLinkTargets;
import dev.moat.containerregistry.service.RegistryPublicNames;
import dev.moat.containerregistry.service.RegistryReader;
import dev.moat.containerregistry.service.RegistryService;
import dev.moat.containerregistry.validation.ContainerRegistryError;
import dev.moat.containerregistry.validation.RegistryRules;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.kit.LifecycleReconciler;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Microsoft.ContainerRegistry}, ARM side: registries, cache rules, credential sets. */
public final class ContainerRegistryProvider implements ResourceProvider {
  private final List<ArmOperation> operations = new ArrayList<>();
  private final List<Reconciler> reconcilers;
  private final PrivateLinkTargets privateLinkTargets;
  private final PublicNameInventory publicNames;
  private final RegistryDirectory directory;

  public ContainerRegistryProvider(
      ProviderContext context, ResourceGroups groups, PrivateEndpointConnections connections) {
    this(
        context,
        groups,
        connections,
        request ->
            Optional.of(
                ContainerRegistryError.IMPORT_FAILED.error(
                    "Image import is not available: no registry data plane.")));
  }

  /**
   * @param importer the registry data plane's copy, for {@code importImage}
   */
  public ContainerRegistryProvider(
      ProviderContext context,
      ResourceGroups groups,
      PrivateEndpointConnections connections,
      ImageImporter importer) {
    List<String> subscriptions =
        context.tenancy().subscriptions().stream()
            .map(Tenancy.Subscription::subscriptionId)
            .toList();
    RegistryRepository registryStore =
        new RegistryRepository(context.documents(), () -> subscriptions);
    CacheRuleRepository ruleStore = new CacheRuleRepository(context.documents());
    CredentialSetRepository credentialStore = new CredentialSetRepository(context.documents());
    RegistryReader reader = new RegistryReader(registryStore, connections);

    RegistryService registries =
        new RegistryService(
            registryStore,
            reader,
            new RegistryRules(context.regions()),
            groups,
            connections,
            context.lro(),
            context.database(),
            context.clock());
    CacheRuleService rules =
        new CacheRuleService(
            ruleStore, credentialStore, reader, context.lro(), context.database(), context.clock());
    CredentialSetService credentialSets =
        new CredentialSetService(
            credentialStore,
            ruleStore,
            reader,
            context.lro(),
            context.database(),
            context.clock(),
            context.tenancy().tenantId());

    operations.addAll(
        new RegistryRoutes(registries, reader, context.lro(), context.clock()).operations());
    operations.addAll(new CacheRuleRoutes(rules, reader, context.lro()).operations());
    operations.addAll(new CredentialSetRoutes(credentialSets, reader, context.lro()).operations());
    operations.addAll(new PrivateLinkResourceRoutes(reader).operations());
    ImportImageService imports = new ImportImageService(context.lro(), importer);
    operations.addAll(new ImportImageRoutes(imports, reader, context.lro()).operations());
    operations.addAll(new CheckNameRoutes(new NameAvailability(registryStore)).operations());

    Duration delay = context.settings().provisioningDelay();
    this.reconcilers =
        List.of(
            imports,
            new LifecycleReconciler<>(
                ContainerRegistryTypes.REGISTRY,
                registryStore,
                context.database(),
                context.clock(),
                delay,
                Provisioned.lifecycle()),
            new LifecycleReconciler<>(
                ContainerRegistryTypes.CACHE_RULE,
                ruleStore,
                context.database(),
                context.clock(),
                delay,
                Provisioned.lifecycle()),
            new LifecycleReconciler<>(
                ContainerRegistryTypes.CREDENTIAL_SET,
                credentialStore,
                context.database(),
                context.clock(),
                delay,
                Provisioned.lifecycle()));
    this.privateLinkTargets = new RegistryPrivateLinkTargets(reader);
    this.publicNames = new RegistryPublicNames(reader, context.documents().changes());
    this.directory = new RegistryDirectoryService(reader, ruleStore);
  }

  /** What private endpoints connect to: a Premium registry's {@code registry} group. */
  public PrivateLinkTargets privateLinkTargets() {
    return privateLinkTargets;
  }

  /** Registries' login servers and data endpoints, for the fabric's public DNS. */
  public PublicNameInventory publicNames() {
    return publicNames;
  }

  /** Registries and their cache rules, for the registry data plane. */
  public RegistryDirectory directory() {
    return directory;
  }

  @Override
  public String namespace() {
    return ContainerRegistryTypes.NAMESPACE;
  }

  @Override
  public List<ArmOperation> operations() {
    return List.copyOf(operations);
  }

  @Override
  public List<Reconciler> reconcilers() {
    return reconcilers;
  }
}
