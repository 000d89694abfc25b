package dev.moat.privatedns.service;

import dev.moat.privatedns.model.ResolutionPolicy;
import java.util.Map;

/**
 * What a PUT of a virtual network link asks for.
 *
 * @param virtualNetworkId the {@code properties.virtualNetwork.id} as sent; null when missing
 * @param resolutionPolicy null means {@code Default}
 */
public record LinkSpec(
    String location,
    Map<String, String> tags,
    String virtualNetworkId,
    boolean registrationEnabled,
    ResolutionPolicy resolutionPolicy) {}
