/**
 * The registry data plane: one OCI distribution engine serving a logical registry per container
 * registry resource, with the pull-through cache behind ACR cache rules.
 *
 * <p>Layers, bottom up (distribution's): {@code storage} (content-addressed blobs on disk) → {@code
 * metadata} (repository links, manifests, tags in SQLite) → {@link dev.moat.registry.Blobs} /
 * {@link dev.moat.registry.Manifests} (local implementations here) → {@code proxy} (decorators for
 * cache-rule repositories) → {@code api} (the Jetty handler). {@link
 * dev.moat.registry.RegistryEngine} wires them.
 */
package dev.moat.registry;
