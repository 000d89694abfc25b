/** Managed-cluster and agent-pool operations: the only writers of the provider's tables. */
package dev.moat.containerservice.service;
