package dev.moat.resources;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.platform.contracts.ResourceGroups;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.resources.http.ResourceGroupRoutes;
import dev.moat.resources.model.JdbcResourceGroupRepository;
import dev.moat.resources.model.ResourceGroupRepository;
import dev.moat.resources.reconcile.ResourceGroupReconciler;
import dev.moat.resources.service.ResourceGroupService;
import dev.moat.resources.validation.ResourceGroupValidator;
import java.util.List;

/** {@code Microsoft.Resources}: resource groups. */
public final class ResourcesProvider implements ResourceProvider {
  private final ResourceGroupService groups;
  private final ResourceGroupRoutes routes;
  private final ResourceGroupReconciler reconciler;

  public ResourcesProvider(ProviderContext context) {
    ResourceGroupRepository repository = new JdbcResourceGroupRepository(context.documents());
    this.groups =
        new ResourceGroupService(
            repository,
            new ResourceGroupValidator(context.regions()),
            context.lro(),
            context.database(),
            context.clock());
    this.routes = new ResourceGroupRoutes(groups, context.lro());
    this.reconciler =
        new ResourceGroupReconciler(
            repository, context.clock(), context.settings().provisioningDelay());
  }

  /** The contract other providers use to check the group they create resources in. */
  public ResourceGroups groups() {
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
