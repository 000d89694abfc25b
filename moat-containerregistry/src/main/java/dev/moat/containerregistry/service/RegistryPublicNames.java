package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.ContainerRegistryTypes;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.containerregistry.model.Registry;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.PublicNameView;
import dev.moat.platform.store.ResourceChanges;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public names registries serve, as public Azure DNS answers them: the login server and the
 * regional data endpoint, each a CNAME into {@code privatelink.azurecr.io} that private DNS zones
 * can override (container-registry-private-link.md: {@code myregistry.azurecr.io} → {@code
 * myregistry.privatelink.azurecr.io}; {@code myregistry.eastus.data.azurecr.io} → {@code
 * myregistry.eastus.data.privatelink.azurecr.io}).
 *
 * <p>Every DNS query and every public connection asks for these names, so they are kept in memory
 * and rebuilt only after a registry (or a group or subscription holding registries) changed, as the
 * store announces after each commit.
 */
public final class RegistryPublicNames implements PublicNameInventory {
  private final RegistryReader registries;
  private final AtomicLong generation = new AtomicLong();
  private volatile Names names;

  /** The names as of one {@link #generation}. */
  private record Names(long generation, List<PublicNameView> views) {}

  public RegistryPublicNames(RegistryReader registries, ResourceChanges changes) {
    this.registries = registries;
    changes.subscribe(
        id -> {
          if (id.type().equals(ContainerRegistryTypes.REGISTRY)
              || id.isResourceGroup()
              || id.isSubscription()) {
            generation.incrementAndGet();
          }
        });
  }

  @Override
  public List<PublicNameView> publicNames() {
    long current = generation.get();
    Names cached = names;
    if (cached == null || cached.generation() != current) {
      // Stamped with the generation read before reading: a change meanwhile forces a rebuild.
      cached = new Names(current, List.copyOf(read()));
      names = cached;
    }
    return cached.views();
  }

  private List<PublicNameView> read() {
    List<PublicNameView> names = new ArrayList<>();
    for (Registry r : registries.listAllRegistries()) {
      boolean open = r.spec().publicNetworkAccess() == PublicNetworkAccess.Enabled;
      names.add(name(r, r.loginServer(), open));
      // The regional data endpoint name is listed for every registry: a private DNS zone can
      // hold its record before dedicated data endpoints switch on (seed step 5 creates both).
      names.add(name(r, r.dataEndpointHostName(), open));
    }
    return names;
  }

  private static PublicNameView name(Registry r, String fqdn, boolean open) {
    String alias = fqdn.replace(".azurecr.io", ".privatelink.azurecr.io");
    return new PublicNameView(fqdn, r.id(), alias, List.of(pseudoPublicAddress(fqdn)), open);
  }

  /**
   * A stable address inside 20.0.0.0/8 derived from the name. It is never contacted: it only lets
   * resolution from outside a virtual network show that the name leads to a public address (and not
   * a private endpoint), the way ACR's real front ends sit in Azure's 20.x ranges. Hashing keeps it
   * the same across restarts without storing it.
   */
  static String pseudoPublicAddress(String fqdn) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(fqdn.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      int b1 = h[0] & 0xff;
      int b2 = h[1] & 0xff;
      int b3 = 1 + (h[2] & 0xff) % 254;
      return "20." + b1 + "." + b2 + "." + b3;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
