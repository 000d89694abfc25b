package dev.moat.acr;

import dev.moat.registry.model.RegistryName;
import org.eclipse.jetty.server.Request;

/** Which registry a data-plane request is for: an ACR resource, or the MCR stand-in. */
sealed interface RegistryTarget {
  String ATTRIBUTE = "dev.moat.acr.target";

  /** The MCR stand-in's name in the registry engine. */
  RegistryName MCR = RegistryName.of("mcr.microsoft.com");

  RegistryName engineName();

  /** An ACR registry; {@code dataHost} when addressed through its dedicated data endpoint. */
  record Acr(AcrRegistry registry, boolean dataHost) implements RegistryTarget {
    @Override
    public RegistryName engineName() {
      return RegistryName.of(registry.name());
    }
  }

  /** {@code mcr.microsoft.com}. */
  record Mcr() implements RegistryTarget {
    @Override
    public RegistryName engineName() {
      return MCR;
    }
  }

  static RegistryTarget of(Request request) {
    return (RegistryTarget) request.getAttribute(ATTRIBUTE);
  }
}
