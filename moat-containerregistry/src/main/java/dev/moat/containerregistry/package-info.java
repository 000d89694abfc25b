/**
 * Microsoft.ContainerRegistry, ARM side: registries, cache rules, credential sets, private link
 * resources and name checks. {@link dev.moat.containerregistry.RegistryDirectory} is what the
 * registry data plane reads.
 */
package dev.moat.containerregistry;
