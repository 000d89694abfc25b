/**
 * Stored records of Microsoft.ContainerRegistry (spec apart from lifecycle), their repositories on
 * the shared resource table, and the cache-rule mapping semantics.
 */
package dev.moat.containerregistry.model;
