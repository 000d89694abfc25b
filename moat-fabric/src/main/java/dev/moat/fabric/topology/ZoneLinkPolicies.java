package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;

/**
 * The {@code resolutionPolicy} of private DNS zones' virtual network links. Implemented by the
 * private DNS provider; kept apart from {@link PrivateZoneView} so that zone views stay as they
 * are.
 *
 * <p>Azure documents the policy as "only applicable for virtual network links to privatelink zones,
 * and for A, AAAA, CNAME queries. When set to {@code NxDomainRedirect}, Azure DNS resolver falls
 * back to public resolution if private dns query resolution results in non-existent domain
 * response." With {@code Default}, a linked zone's NXDOMAIN is final.
 */
@FunctionalInterface
public interface ZoneLinkPolicies {

  /** The policy of the link from {@code zone} to {@code virtualNetwork}; called only for links. */
  ResolutionPolicy resolutionPolicy(ResourceId zone, ResourceId virtualNetwork);

  /** A link's {@code resolutionPolicy}. */
  enum ResolutionPolicy {
    DEFAULT,
    NX_DOMAIN_REDIRECT
  }

  /** Every link has the {@code Default} policy (Azure's default when the property is absent). */
  static ZoneLinkPolicies allDefault() {
    return (zone, virtualNetwork) -> ResolutionPolicy.DEFAULT;
  }
}
