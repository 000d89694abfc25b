package dev.moat.network.service;

import java.util.List;
import java.util.Map;

/**
 * What a caller asks of a virtual network.
 *
 * @param subnets the inline subnets; null or empty removes every subnet, as a PUT does on Azure
 */
public record VirtualNetworkSpec(
    String location,
    Map<String, String> tags,
    List<String> addressPrefixes,
    List<String> dnsServers,
    Integer flowTimeoutInMinutes,
    List<SubnetSpec> subnets) {}
