package dev.moat.server;

import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.resources.ResourcesProvider;
import java.time.Clock;

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
    return ProviderAssembler.Assembly.of(resources);
  }
}
