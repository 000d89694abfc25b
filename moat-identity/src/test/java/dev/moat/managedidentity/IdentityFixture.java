package dev.moat.managedidentity;

import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.authorization.AuthorizationProvider;
import dev.moat.managedidentity.http.ImdsService;
import dev.moat.platform.id.ResourceId;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.TestMoat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A control plane with resource groups, managed identities, authorization and the IMDS route, plus
 * access to what tests need behind the API: the provider context (to store scope resources no
 * provider here serves) and the providers themselves.
 */
public final class IdentityFixture implements AutoCloseable {
  public final TestMoat moat;
  private final AtomicReference<ProviderContext> context;
  private final AtomicReference<ManagedIdentityProvider> identities;
  private final AtomicReference<AuthorizationProvider> authorization;

  private IdentityFixture(
      TestMoat moat,
      AtomicReference<ProviderContext> context,
      AtomicReference<ManagedIdentityProvider> identities,
      AtomicReference<AuthorizationProvider> authorization) {
    this.moat = moat;
    this.context = context;
    this.identities = identities;
    this.authorization = authorization;
  }

  public static IdentityFixture start() {
    return start(null);
  }

  /** On {@code dataDir} when given (restart tests), else in a fresh temp dir. */
  public static IdentityFixture start(Path dataDir) {
    AtomicReference<ProviderContext> context = new AtomicReference<>();
    AtomicReference<ManagedIdentityProvider> identities = new AtomicReference<>();
    AtomicReference<AuthorizationProvider> authorization = new AtomicReference<>();
    ProviderAssembler assembler =
        c -> {
          context.set(c);
          ResourcesProvider resources = new ResourcesProvider(c);
          ManagedIdentityProvider mi = new ManagedIdentityProvider(c, resources.groups());
          AuthorizationProvider auth =
              new AuthorizationProvider(c, resources.groups(), mi.principals());
          identities.set(mi);
          authorization.set(auth);
          return new ProviderAssembler.Assembly(
              List.of(resources, mi, auth),
              List.of(
                  new HostDispatcher.Route(call -> ImdsService.handles(call.path()), mi.imds())),
              List.of());
        };
    TestMoat moat =
        dataDir == null ? TestMoat.start(assembler) : TestMoat.startOn(dataDir, assembler);
    return new IdentityFixture(moat, context, identities, authorization);
  }

  public ProviderContext context() {
    return context.get();
  }

  public ManagedIdentityProvider identities() {
    return identities.get();
  }

  public AuthorizationProvider authorization() {
    return authorization.get();
  }

  /**
   * Stores a resource document as its provider would, so it can serve as a role-assignment scope.
   */
  public String storeResource(String path) {
    context().documents().put(ResourceId.parse(path), "{}");
    return path;
  }

  @Override
  public void close() {
    moat.close();
  }
}
