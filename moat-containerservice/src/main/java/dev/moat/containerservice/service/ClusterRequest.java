package dev.moat.containerservice.service;

import dev.moat.containerservice.model.ClusterSpec;
import dev.moat.containerservice.model.PoolSpec;
import java.util.Map;

/**
 * A managed-cluster PUT, mapped from the wire with defaults applied and omitted profiles kept from
 * the stored cluster.
 *
 * @param pools the pools the request names, by name, in request order
 */
public record ClusterRequest(
    String location, Map<String, String> tags, ClusterSpec spec, Map<String, PoolSpec> pools) {}
