package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A private address in a subnet: one IP configuration of a NIC (a private endpoint's member, and
 * later a node or an API server).
 *
 * @param target the resource the address leads to (the registry of a private endpoint), or null
 * @param memberName the private link member ({@code registry}, {@code registry_data_eastus}), or
 *     null
 * @param fqdns the names this address serves
 */
public record EndpointAddressView(
    ResourceId nic,
    ResourceId subnet,
    String ipAddress,
    ResourceId target,
    String memberName,
    List<String> fqdns) {}
