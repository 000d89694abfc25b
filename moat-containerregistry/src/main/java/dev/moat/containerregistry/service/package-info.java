/**
 * Operations on registries, cache rules and credential sets (the only writers), and the read-side
 * views other providers use: private link targets, public names and the registry directory.
 */
package dev.moat.containerregistry.service;
