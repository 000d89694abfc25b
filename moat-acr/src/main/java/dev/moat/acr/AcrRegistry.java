package dev.moat.acr;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * What the data-plane front needs to know of one registry resource.
 *
 * @param name the registry name, lower case (the first label of its login server)
 * @param dataHosts its dedicated data endpoint host names, e.g. {@code
 *     myacr.eastus.data.azurecr.io}
 */
public record AcrRegistry(
    ResourceId id,
    String name,
    String loginServer,
    List<String> dataHosts,
    boolean publicNetworkAccessEnabled,
    boolean anonymousPullEnabled) {}
