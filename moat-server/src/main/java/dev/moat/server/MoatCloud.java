package dev.moat.server;

import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.authorization.AuthorizationProvider;
import dev.moat.managedidentity.ManagedIdentityProvider;
import dev.moat.managedidentity.http.ImdsService;
import dev.moat.resources.ResourcesProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The whole local cloud: every provider Moat serves, wired together on one {@link ArmRuntime}. */
public final class MoatCloud {
  private MoatCloud() {}

  public static ArmRuntime start(MoatSettings settings) throws Exception {
    return start(settings, Clock.systemUTC());
  }

  public static ArmRuntime start(MoatSettings settings, Clock clock) throws Exception {
    return ArmRuntime.start(settings, clock, MoatCloud::assemble);
  }

  /** Builds every provider and connects their contracts. */
  public static ProviderAssembler.Assembly assemble(ProviderContext context) {
    ResourcesProvider resources = new ResourcesProvider(context);
    ManagedIdentityProvider identities = new ManagedIdentityProvider(context, resources.groups());
    AuthorizationProvider authorization =
        new AuthorizationProvider(
            context, resources.groups(), identities.principals().or(context.principals()::exists));

    List<ResourceProvider> providers = new ArrayList<>();
    providers.add(resources);
    providers.add(identities);
    providers.add(authorization);
    List<HostDispatcher.Route> routes = new ArrayList<>();
    routes.add(
        new HostDispatcher.Route(call -> ImdsService.handles(call.path()), identities.imds()));
    return new ProviderAssembler.Assembly(providers, routes, List.of());
  }
}
