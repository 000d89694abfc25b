/**
 * Typed identifiers and values of the OCI distribution model. Parsed at the HTTP edge; nothing
 * inward takes a raw string for a digest, repository, tag or registry.
 */
package dev.moat.registry.model;
