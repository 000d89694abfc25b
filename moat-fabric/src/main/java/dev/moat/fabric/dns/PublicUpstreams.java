package dev.moat.fabric.dns;

import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.PublicNameView;
import java.util.List;

/**
 * The public internet endpoints an AKS node may try to reach, built into the fabric so that
 * isolation has something to refuse. The names come from AKS's required egress list for Azure
 * public cloud ({@code outbound-rules-control-egress.md}: MCR and its data endpoints, the Azure
 * API, Entra ID, packages, binaries mirrors, Ubuntu updates), plus the public container registries
 * workloads commonly pull from (Docker Hub, GHCR, Quay, registry.k8s.io).
 *
 * <p>Addresses are a fixed table in {@link dev.moat.fabric.address.PseudoPublicAddresses#BUILT_IN
 * 20.255.0.0/16}; they are never contacted. A name starting with {@code *.} stands for every name
 * below it (MCR names its data endpoints per region, e.g. {@code eastus.data.mcr.microsoft.com});
 * all of them share the wildcard's address. Upstreams have no Azure resource ({@link
 * PublicNameView#resource()} is null) and always accept public traffic.
 */
public final class PublicUpstreams implements PublicNameInventory {
  private static final List<PublicNameView> NAMES =
      List.of(
          upstream("mcr.microsoft.com", "20.255.0.10"),
          upstream("*.data.mcr.microsoft.com", "20.255.0.11"),
          upstream("mcr-0001.mcr-msedge.net", "20.255.0.12"),
          upstream("management.azure.com", "20.255.0.20"),
          upstream("login.microsoftonline.com", "20.255.0.21"),
          upstream("packages.microsoft.com", "20.255.0.30"),
          upstream("acs-mirror.azureedge.net", "20.255.0.31"),
          upstream("packages.aks.azure.com", "20.255.0.32"),
          upstream("security.ubuntu.com", "20.255.0.40"),
          upstream("azure.archive.ubuntu.com", "20.255.0.41"),
          upstream("changelogs.ubuntu.com", "20.255.0.42"),
          upstream("snapshot.ubuntu.com", "20.255.0.43"),
          // Public container registries Moat stands in for: workloads on nodes with egress pull
          // from them directly; isolated nodes cannot reach them.
          upstream("docker.io", "20.255.0.50"),
          upstream("registry-1.docker.io", "20.255.0.51"),
          upstream("auth.docker.io", "20.255.0.52"),
          upstream("index.docker.io", "20.255.0.53"),
          upstream("ghcr.io", "20.255.0.60"),
          upstream("quay.io", "20.255.0.61"),
          upstream("registry.k8s.io", "20.255.0.62"));

  @Override
  public List<PublicNameView> publicNames() {
    return NAMES;
  }

  private static PublicNameView upstream(String fqdn, String address) {
    return new PublicNameView(fqdn, null, null, List.of(address), true);
  }
}
