package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic names AKS gives what it creates, derived from the cluster id so that a reconcile
 * after a crash finds what the previous one made.
 */
public final class Naming {
  /** The node image new and reimaged nodes get (AKS's Ubuntu 22.04 gen2 image, Nov 2025). */
  public static final String NODE_IMAGE = "AKSUbuntu-2204gen2containerd-202511.10.0";

  private Naming() {}

  /** 8 hex digits of a SHA-256 of the text. */
  public static String hash8(String text) {
    return hex(text).substring(0, 8);
  }

  /** The fqdn hash of a new cluster. */
  public static String fqdnHash(ResourceId cluster) {
    return hash8("fqdn|" + cluster.key());
  }

  /** {@code aks-{pool}-{8 digits}-vmss{6 digits}}, as VM scale set instances are named. */
  public static String nodeName(ResourceId pool, int index) {
    String digits = Long.toString(Long.parseLong(hash8(pool.key()), 16) % 100_000_000L);
    return String.format(
        Locale.ROOT, "aks-%s-%08d-vmss%06d", pool.name(), Long.parseLong(digits), index);
  }

  /** [EMU] G1: {@code aksbootstrap} + 10 hex digits: 5–50 alphanumerics, globally unique. */
  public static String managedRegistryName(ResourceId cluster) {
    return "aksbootstrap" + hex("acr|" + cluster.key()).substring(0, 10);
  }

  public static String managedVnetName(ResourceId cluster) {
    return "aks-vnet-" + hash8("vnet|" + cluster.key());
  }

  /** The system private zone's GUID label ({@code <guid>.privatelink.<region>.azmk8s.io}). */
  public static String privateZoneGuid(ResourceId cluster) {
    return UUID.nameUUIDFromBytes(("zone|" + cluster.key()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A deterministic GUID (role assignment names). */
  public static String guid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String hex(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
