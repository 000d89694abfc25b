package dev.moat.privatedns.model;

/**
 * {@code resolutionPolicy} of a link: {@code NxDomainRedirect} makes resolvers fall back to public
 * DNS when a private-link zone has no record for a name.
 */
public enum ResolutionPolicy {
  Default,
  NxDomainRedirect
}
