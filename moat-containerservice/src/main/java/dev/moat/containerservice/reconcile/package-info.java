/**
 * The managed-cluster reconciler: drives the infrastructure AKS creates (node resource group,
 * kubelet identity, managed VNet, managed bootstrap registry, API-server addresses and zones)
 * through internal ARM calls, then the nodes through the {@code NodeBootstrapper}.
 */
package dev.moat.containerservice.reconcile;
