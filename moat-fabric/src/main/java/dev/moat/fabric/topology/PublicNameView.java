package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A public DNS name that a resource serves, as public Azure DNS answers it.
 *
 * @param fqdn e.g. {@code myacr.azurecr.io}, lower case, no trailing dot
 * @param privateLinkAlias for names that private link can override, the {@code privatelink} name
 *     public DNS answers with a CNAME to (e.g. {@code myacr.privatelink.azurecr.io}); null
 *     otherwise
 * @param publicAccessEnabled false when the resource refuses public network paths
 */
public record PublicNameView(
    String fqdn,
    ResourceId resource,
    String privateLinkAlias,
    List<String> publicAddresses,
    boolean publicAccessEnabled) {}
