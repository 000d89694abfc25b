package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A subnet.
 *
 * @param defaultOutboundAccess Azure's default outbound access (true unless the subnet says {@code
 *     defaultOutboundAccess: false}); clusters override egress per subnet elsewhere
 */
public record SubnetView(
    ResourceId id, List<String> addressPrefixes, boolean defaultOutboundAccess) {}
