/**
 * Moat's stand-in for {@code mcr.microsoft.com}: which artifacts an AKS node pulls per Kubernetes
 * version ({@link dev.moat.mcr.BootstrapCatalog}) and deterministic OCI content for each ({@link
 * dev.moat.mcr.SyntheticArtifacts}). The registry data plane serves them as the public upstream
 * that cache rules and Direct-mode nodes fetch from.
 */
package dev.moat.mcr;
