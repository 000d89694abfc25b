/**
 * The HTTP layer: the OCI distribution API v2 as a Jetty 12 core handler, the hooks the server
 * plugs in ({@link dev.moat.registry.api.RegistryResolver}, {@link
 * dev.moat.registry.api.AccessPolicy}) and the single error mapper.
 */
package dev.moat.registry.api;
