/** Reconcilers finishing Microsoft.Network's long-running writes and deletes. */
package dev.moat.network.reconcile;
