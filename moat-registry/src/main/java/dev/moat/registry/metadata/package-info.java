/**
 * Registry metadata in SQLite: repositories, repository → blob links, manifests, tags and upload
 * sessions, all scoped by logical registry. The bytes live in {@code storage}.
 */
package dev.moat.registry.metadata;
