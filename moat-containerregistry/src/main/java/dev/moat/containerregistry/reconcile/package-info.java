/** The reconciler that finishes ACR's long-running creates, updates and deletes. */
package dev.moat.containerregistry.reconcile;
