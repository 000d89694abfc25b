/** Microsoft.ContainerRegistry, ARM side: registries, cache rules, credential sets. */
package dev.moat.containerregistry;
