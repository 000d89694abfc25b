package dev.moat.acr;

import dev.moat.mcr.PublicRegistry;
import dev.moat.registry.model.RegistryName;
import org.eclipse.jetty.server.Request;

/** Which registry a data-plane request is for: an ACR resource, or a public registry stand-in. */
sealed interface RegistryTarget {
  String ATTRIBUTE = "dev.moat.acr.target";

  RegistryName engineName();

  /** An ACR registry; {@code dataHost} when addressed through its dedicated data endpoint. */
  record Acr(AcrRegistry registry, boolean dataHost) implements RegistryTarget {
    @Override
    public RegistryName engineName() {
      return RegistryName.of(registry.name());
    }
  }

  /** A public registry stand-in: {@code mcr.microsoft.com}, {@code docker.io}, ... */
  record StandIn(PublicRegistry registry) implements RegistryTarget {
    @Override
    public RegistryName engineName() {
      return RegistryName.of(registry.name());
    }
  }

  static RegistryTarget of(Request request) {
    return (RegistryTarget) request.getAttribute(ATTRIBUTE);
  }
}
