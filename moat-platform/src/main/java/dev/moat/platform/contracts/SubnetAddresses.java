package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * Private addresses for things that are not private endpoints (cluster nodes, API servers):
 * implemented by the network provider, which allocates them from the same pool as everything else
 * in the subnet (Azure's five reserved addresses excluded) so nothing can collide. Thread-safe;
 * joins the caller's transaction.
 */
public interface SubnetAddresses {

  /**
   * Allocates {@code count} addresses in {@code subnet} for {@code owner} (e.g. an agent pool or a
   * cluster's API server) and returns them, lowest first; an owner that already holds addresses in
   * the subnet keeps them and gets more only if it asks for more than it holds. Throws Azure's
   * {@code SubnetIsFull}-style error when the subnet cannot hold them, or {@code NotFound} when the
   * subnet does not exist.
   *
   * @param fqdns names the addresses serve (shown to the fabric), may be empty
   */
  List<String> allocate(ResourceId subnet, ResourceId owner, int count, List<String> fqdns);

  /** The addresses {@code owner} holds, in allocation order. */
  List<String> addressesOf(ResourceId owner);

  /** Frees every address {@code owner} holds. */
  void release(ResourceId owner);
}
