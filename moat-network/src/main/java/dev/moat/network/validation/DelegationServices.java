package dev.moat.network.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The services Azure lets a subnet be delegated to (from {@code delegation-services.txt}). */
public final class DelegationServices {
  private final Set<String> services;

  private DelegationServices(Set<String> services) {
    this.services = services;
  }

  /** The shipped public-cloud list. */
  public static DelegationServices azurePublicCloud() {
    try (InputStream in = DelegationServices.class.getResourceAsStream("delegation-services.txt")) {
      return new DelegationServices(
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .map(l -> l.toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws dev.moat.platform.error.ArmException {@code InvalidServiceNameOnDelegation} when the
   *     delegation names no service Azure delegates to
   */
  public void require(String subnetName, String delegationName, String serviceName) {
    if (serviceName == null || !services.contains(serviceName.toLowerCase(Locale.ROOT))) {
      throw NetworkError.INVALID_DELEGATION_SERVICE
          .exception(subnetName, String.valueOf(serviceName), String.valueOf(delegationName))
          .withTarget("properties.delegations");
    }
  }
}
