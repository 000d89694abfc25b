package dev.moat.fabric;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.util.Optional;

/**
 * Where a question to the fabric comes from: a subnet (a VM, node or pod in it) or the host (the
 * developer's machine, standing for "somewhere on the internet").
 */
public sealed interface Source {

  /** The host / the internet: sees only public DNS, has egress, has no route into VNets. */
  static Source host() {
    return Host.INSTANCE;
  }

  /**
   * A subnet of a virtual network.
   *
   * @throws IllegalArgumentException when {@code subnet} is not a {@code
   *     Microsoft.Network/virtualNetworks/subnets} id
   */
  static Source subnet(ResourceId subnet) {
    return new Subnet(subnet, Optional.empty());
  }

  /**
   * A VM in a subnet whose own outbound path decides its egress (a cluster node behind its
   * cluster's load balancer, NAT gateway, or none); empty means the subnet's default.
   */
  static Source node(ResourceId subnet, Optional<Egress> egress) {
    return new Subnet(subnet, egress);
  }

  /** The host. */
  enum Host implements Source {
    INSTANCE;

    @Override
    public String toString() {
      return "host";
    }
  }

  /**
   * A subnet, or a VM in it with its own egress; {@link #virtualNetwork()} is the VNet whose DNS
   * view it uses.
   */
  record Subnet(ResourceId id, Optional<Egress> egress) implements Source {
    private static final ResourceType SUBNET_TYPE =
        ResourceType.of("Microsoft.Network/virtualNetworks/subnets");

    public Subnet {
      if (!id.type().equals(SUBNET_TYPE)) {
        throw new IllegalArgumentException("not a subnet id: " + id);
      }
    }

    /** The virtual network the subnet belongs to. */
    public ResourceId virtualNetwork() {
      return id.parent().orElseThrow();
    }

    @Override
    public String toString() {
      return "subnet " + id;
    }
  }
}
