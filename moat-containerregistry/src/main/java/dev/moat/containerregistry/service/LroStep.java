package dev.moat.containerregistry.service;

import dev.moat.platform.reconcile.Operation;

/**
 * The result of a write that runs as a long-running operation: the resource as written and the
 * operation clients poll.
 *
 * @param created true for a 201 (a new resource), false for a 200
 */
public record LroStep<T>(T resource, Operation operation, boolean created) {}
