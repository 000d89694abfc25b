package dev.moat.network.service;

import dev.moat.platform.reconcile.Operation;

/**
 * The outcome of a write that runs as a long-running operation: the stored value, whether it was
 * created, and the operation clients poll.
 */
public record Written<T>(T value, boolean created, Operation operation) {}
