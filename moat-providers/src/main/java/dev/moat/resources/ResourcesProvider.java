package dev.moat.resources;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.platform.id.Regions;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.resources.http.ResourceGroupRoutes;
import dev.moat.resources.model.JdbcResourceGroupRepository;
import dev.moat.resources.model.ResourceGroupRepository;
import dev.moat.resources.reconcile.ResourceGroupReconciler;
import dev.moat.resources.service.ResourceGroupService;
import dev.moat.resources.validation.ResourceGroupValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code Microsoft.Resources}: resource groups. */
public final class ResourcesProvider implements ResourceProvider {
  private final ResourceGroupService groups;
  private final ResourceGroupRoutes routes;
  private final ResourceGroupReconciler reconciler;

  public ResourcesProvider(
      ResourceDocuments documents,
      Regions regions,
      LongRunningOperations lro,
      Clock clock,
      Duration provisioningDelay) {
    ResourceGroupRepository repository = new JdbcResourceGroupRepository(documents);
    this.groups =
        new ResourceGroupService(
            repository, new ResourceGroupValidator(regions), lro, documents.database(), clock);
    this.routes = new ResourceGroupRoutes(groups, lro);
    this.reconciler = new ResourceGroupReconciler(repository, clock, provisioningDelay);
  }

  /** The service other providers use to check the group they create resources in. */
  public ResourceGroupService groups() {
    return groups;
  }

  @Override
  public String namespace() {
    return "Microsoft.Resources";
  }

  @Override
  public List<ArmOperation> operations() {
    return routes.operations();
  }

  @Override
  public List<Reconciler> reconcilers() {
    return List.of(reconciler);
  }
}
