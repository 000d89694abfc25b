package dev.moat.fabric.transport;

import dev.moat.fabric.Egress;
import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/**
 * A node placed in a subnet with an address: who a passport stands for.
 *
 * @param egress the node's own egress (from its cluster's outbound type), or empty for the subnet's
 *     default
 */
public record NodePassport(
    String nodeName, ResourceId subnet, String privateIpAddress, Optional<Egress> egress) {}
