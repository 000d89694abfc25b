package dev.moat.managedidentity;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.authorization.PrincipalLookup;
import dev.moat.managedidentity.http.IdentityRoutes;
import dev.moat.managedidentity.http.ImdsService;
import dev.moat.managedidentity.model.IdentityRepository;
import dev.moat.managedidentity.service.IdentityService;
import dev.moat.managedidentity.service.ManagedIdentityTokens;
import dev.moat.managedidentity.service.NodeCredentials;
import dev.moat.managedidentity.validation.IdentityValidator;
import dev.moat.platform.contracts.ManagedIdentities;
import dev.moat.platform.contracts.ResourceGroups;
import java.util.List;

/**
 * {@code Microsoft.ManagedIdentity}: user-assigned identities, their tokens, and the IMDS endpoint
 * node agents get them from.
 */
public final class ManagedIdentityProvider implements ResourceProvider {
  private final IdentityService identities;
  private final IdentityRoutes routes;
  private final ManagedIdentityTokens tokens;
  private final NodeCredentials nodeCredentials = new NodeCredentials();
  private final ImdsService imds;

  public ManagedIdentityProvider(ProviderContext context, ResourceGroups groups) {
    this.identities =
        new IdentityService(
            new IdentityRepository(context.documents()),
            new IdentityValidator(context.regions()),
            groups,
            context.database(),
            context.tenancy());
    this.routes = new IdentityRoutes(identities);
    this.tokens = new ManagedIdentityTokens(context.tokens());
    this.imds = new ImdsService(identities, tokens, nodeCredentials);
  }

  /** The contract other providers use to resolve identities (a cluster's). */
  public ManagedIdentities identities() {
    return identities;
  }

  /** Identities' principal ids, for role assignments' {@code PrincipalNotFound} check. */
  public PrincipalLookup principals() {
    return identities;
  }

  public ManagedIdentityTokens tokens() {
    return tokens;
  }

  /** Where node placement registers the identities a node carries. */
  public NodeCredentials nodeCredentials() {
    return nodeCredentials;
  }

  /** The IMDS token endpoint; route it with {@link ImdsService#handles}. */
  public ImdsService imds() {
    return imds;
  }

  @Override
  public String namespace() {
    return "Microsoft.ManagedIdentity";
  }

  @Override
  public List<ArmOperation> operations() {
    return routes.operations();
  }
}
