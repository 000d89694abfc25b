package dev.moat.acr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The registry resources that exist now; adapted from the container registry provider. */
public interface AcrRegistries {
  List<AcrRegistry> all();

  /** The registry a host name (login server or data endpoint, any case, no port) belongs to. */
  default Optional<AcrRegistry> byHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(r -> r.loginServer().equalsIgnoreCase(h) || r.dataHosts().contains(h))
        .findFirst();
  }

  default Optional<AcrRegistry> byName(String name) {
    return all().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }
}
