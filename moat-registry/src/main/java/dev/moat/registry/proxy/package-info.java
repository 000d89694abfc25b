/**
 * The pull-through cache: decorators over the local blob and manifest operations for repositories
 * matched by ACR cache rules, the upstream client (one class per operation) and its counters.
 */
package dev.moat.registry.proxy;
