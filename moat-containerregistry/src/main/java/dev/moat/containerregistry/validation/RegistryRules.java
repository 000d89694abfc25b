package dev.moat.containerregistry.validation;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.containerregistry.model.RegistrySpec;
import dev.moat.containerregistry.model.SkuName;
import dev.moat.platform.id.Regions;
import dev.moat.platform.kit.Locations;
import java.util.regex.Pattern;

/** ACR's rules for registry names, locations and the features each SKU allows. */
public final class RegistryRules {
  /** The spec's {@code registryName} pattern and length (5-50). */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]{5,50}");

  private static final int MAX_IP_RULES = 100;

  private final Regions regions;

  public RegistryRules(Regions regions) {
    this.regions = regions;
  }

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  public void validateName(String name) {
    if (!isValidName(name)) {
      throw ContainerRegistryError.INVALID_REGISTRY_NAME.exception();
    }
  }

  /** The normalised region of {@code location}. */
  public String validateLocation(String location) {
    return new Locations(regions).require(location, ContainerRegistryTypes.REGISTRY.value());
  }

  /**
   * Checks that the spec only uses what its SKU offers: disabling public access, network rules and
   * dedicated data endpoints need Premium, as does keeping private endpoint connections.
   */
  public void validateSpec(String registryName, RegistrySpec spec, int privateEndpoints) {
    SkuName sku = spec.sku();
    if (sku == null) {
      throw ContainerRegistryError.SKU_REQUIRED.exception();
    }
    if (sku == SkuName.Classic) {
      throw ContainerRegistryError.CLASSIC_SKU_NOT_SUPPORTED.exception();
    }
    if (spec.networkRuleSet().ipRules().size() > MAX_IP_RULES) {
      throw ContainerRegistryError.TOO_MANY_IP_RULES.exception(
          spec.networkRuleSet().ipRules().size());
    }
    if (sku == SkuName.Premium) {
      return;
    }
    if (privateEndpoints > 0) {
      throw ContainerRegistryError.SKU_DOWNGRADE_WITH_PRIVATE_ENDPOINTS.exception(
          registryName, sku, privateEndpoints);
    }
    if (spec.publicNetworkAccess() == PublicNetworkAccess.Disabled) {
      throw ContainerRegistryError.DISABLING_PUBLIC_ACCESS_NOT_SUPPORTED.exception(sku);
    }
    if (spec.networkRuleSet().restricts()) {
      throw ContainerRegistryError.NETWORK_RULES_NOT_SUPPORTED.exception(sku);
    }
    if (spec.dataEndpointEnabled()) {
      throw ContainerRegistryError.DATA_ENDPOINT_NOT_SUPPORTED.exception(sku);
    }
  }
}
