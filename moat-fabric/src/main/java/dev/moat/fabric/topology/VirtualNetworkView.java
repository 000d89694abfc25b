package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/** A virtual network: its address space and subnets. */
public record VirtualNetworkView(
    ResourceId id, String location, List<String> addressPrefixes, List<SubnetView> subnets) {}
