package dev.moat.fabric.reach;

import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/**
 * Whether a source can open a connection to an address and port, and why not.
 *
 * @param denial empty when the connection is allowed
 * @param detail a sentence for logs and error messages, e.g. {@code "no egress to the internet from
 *     subnet aks-subnet (outbound type none)"}
 * @param destination the resource the address leads to when known (a private endpoint's target, a
 *     public name's resource); empty for built-in upstreams, platform addresses and refusals before
 *     the destination matters
 */
public record Reachability(
    Optional<Denial> denial, String detail, Optional<ResourceId> destination) {

  /** An allowed connection. */
  public static Reachability allowed(String detail, Optional<ResourceId> destination) {
    return new Reachability(Optional.empty(), detail, destination);
  }

  /** A refused connection. */
  public static Reachability denied(Denial denial, String detail) {
    return new Reachability(Optional.of(denial), detail, Optional.empty());
  }

  /** A refused connection whose destination is known (e.g. a registry refusing public traffic). */
  public static Reachability denied(
      Denial denial, String detail, Optional<ResourceId> destination) {
    return new Reachability(Optional.of(denial), detail, destination);
  }

  public boolean isAllowed() {
    return denial.isEmpty();
  }
}
