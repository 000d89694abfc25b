package dev.moat.fabric.dns;

import dev.moat.platform.id.ResourceId;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * What the fabric tells an operator about one DNS view: where to {@code dig} it and whether it is
 * being used.
 *
 * @param virtualNetwork the VNet whose view this is; empty for the host's public view
 * @param address the UDP and TCP address of the view's server
 * @param queries how many queries the server has received since it started
 */
public record DnsViewInfo(
    Optional<ResourceId> virtualNetwork,
    InetSocketAddress address,
    Instant startedAt,
    long queries,
    Optional<Instant> lastQueryAt) {}
