package dev.moat.privatedns.service;

import dev.moat.fabric.topology.ZoneLinkPolicies;
import dev.moat.platform.id.ResourceId;
import dev.moat.privatedns.model.LinkRepository;

/** The fabric's view of each link's {@code resolutionPolicy}. */
public final class LinkResolutionPolicies implements ZoneLinkPolicies {
  private final LinkRepository links;

  public LinkResolutionPolicies(LinkRepository links) {
    this.links = links;
  }

  @Override
  public ZoneLinkPolicies.ResolutionPolicy resolutionPolicy(
      ResourceId zone, ResourceId virtualNetwork) {
    boolean redirect =
        links.listChildren(zone).stream()
            .anyMatch(
                l ->
                    l.virtualNetwork().equals(virtualNetwork)
                        && l.resolutionPolicy()
                            == dev.moat.privatedns.model.ResolutionPolicy.NxDomainRedirect);
    return redirect
        ? ZoneLinkPolicies.ResolutionPolicy.NX_DOMAIN_REDIRECT
        : ZoneLinkPolicies.ResolutionPolicy.DEFAULT;
  }
}
