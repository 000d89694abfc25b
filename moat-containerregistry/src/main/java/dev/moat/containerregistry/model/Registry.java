package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A stored registry: its spec, the fixed facts of its creation, and its lifecycle. */
public record Registry(
    ResourceId id,
    String location,
    Map<String, String> tags,
    RegistrySpec spec,
    Instant creationDate,
    Provisioning provisioning)
    implements Provisioned<Registry> {

  public Registry {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** {@code {name}.azurecr.io}, lower case as the DNS name is. */
  public String loginServer() {
    return id.name().toLowerCase(Locale.ROOT) + ".azurecr.io";
  }

  /** The regional dedicated data endpoint, {@code {name}.{location}.data.azurecr.io}. */
  public String dataEndpointHostName() {
    return id.name().toLowerCase(Locale.ROOT) + "." + location + ".data.azurecr.io";
  }

  public Registry withSpec(RegistrySpec next, Map<String, String> nextTags, Provisioning p) {
    return new Registry(id, location, nextTags, next, creationDate, p);
  }

  @Override
  public Registry withProvisioning(Provisioning next) {
    return new Registry(id, location, tags, spec, creationDate, next);
  }
}
