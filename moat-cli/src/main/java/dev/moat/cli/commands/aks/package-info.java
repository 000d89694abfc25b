/**
 * {@code az aks}: managed clusters and their node pools, with az's flags, defaults, client-side
 * checks (the exact messages of core azure-cli, or of aks-preview when it is installed) and request
 * bodies.
 */
package dev.moat.cli.commands.aks;
