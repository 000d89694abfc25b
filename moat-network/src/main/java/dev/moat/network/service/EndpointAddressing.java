package dev.moat.network.service;

import dev.moat.network.model.Ipv4Cidr;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.model.PrivateEndpoint.MemberAddress;
import dev.moat.network.model.Subnet;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gives each required member of a private endpoint an address in its subnet: the static one the
 * caller asked for, the one it already had (on update), or the lowest free one. Call inside the
 * transaction that stores the result.
 */
public final class EndpointAddressing {
  private final SubnetUsage usage;
  private final AddressAllocator allocator;

  public EndpointAddressing(SubnetUsage usage, AddressAllocator allocator) {
    this.usage = usage;
    this.allocator = allocator;
  }

  private record Need(ResourceId target, String groupId, String memberName, List<String> fqdns) {
    String key() {
      return target.key() + "|" + groupId + "|" + memberName;
    }
  }

  public List<MemberAddress> assign(
      ResourceId endpoint,
      Subnet subnet,
      List<ConnectionResolver.Resolved> connections,
      List<PrivateEndpoint.StaticIpConfiguration> statics,
      Optional<PrivateEndpoint> existing,
      ResourceId nic) {
    List<Need> needs = new ArrayList<>();
    for (ConnectionResolver.Resolved c : connections) {
      for (PrivateLinkTargets.Member m : c.offer().members()) {
        needs.add(
            new Need(
                c.offer().target(), c.connection().groupId(), m.requiredMemberName(), m.fqdns()));
      }
    }
    Map<String, PrivateEndpoint.StaticIpConfiguration> byMember = new LinkedHashMap<>();
    statics.forEach(s -> byMember.put(s.groupId() + "|" + s.memberName(), s));
    List<Need> unmatched =
        needs.stream()
            .filter(n -> !byMember.containsKey(n.groupId() + "|" + n.memberName()))
            .toList();
    if (!statics.isEmpty() && !unmatched.isEmpty()) {
      throw NetworkError.STATIC_IP_MISSING_MEMBERS.exception(
          endpoint,
          statics.stream()
              .map(
                  s ->
                      "PrivateIPAddress: "
                          + s.privateIPAddress()
                          + ", GroupId: "
                          + s.groupId()
                          + ", MemberName: "
                          + s.memberName())
              .collect(Collectors.joining("; ")),
          unmatched.stream()
              .map(n -> "GroupId: " + n.groupId() + ", MemberName: " + n.memberName())
              .collect(Collectors.joining("; ")));
    }
    List<Ipv4Cidr> prefixes = subnet.cidrs();
    Set<String> used = new HashSet<>(usage.usedAddresses(subnet.id(), nic));
    for (PrivateEndpoint.StaticIpConfiguration s : statics) {
      switch (allocator.check(prefixes, used, s.privateIPAddress())) {
        case NOT_IN_SUBNET ->
            throw NetworkError.PRIVATE_IP_NOT_IN_SUBNET.exception(
                s.name(), s.privateIPAddress(), subnet.id());
        case RESERVED ->
            throw NetworkError.PRIVATE_IP_IN_RESERVED_RANGE.exception(
                s.privateIPAddress(), String.join(", ", subnet.addressPrefixes()));
        case IN_USE ->
            throw NetworkError.PRIVATE_IP_ALLOCATED.exception(
                s.name(), s.privateIPAddress(), subnet.id());
        case FREE -> used.add(s.privateIPAddress());
      }
    }
    Map<String, MemberAddress> previous = new LinkedHashMap<>();
    existing.ifPresent(
        pe ->
            pe.members()
                .forEach(
                    m ->
                        previous.put(
                            m.target().key() + "|" + m.groupId() + "|" + m.memberName(), m)));
    Map<Need, String> kept = new LinkedHashMap<>();
    for (Need n : needs) {
      MemberAddress old = previous.get(n.key());
      if (old != null
          && !old.isStatic()
          && byMember.isEmpty()
          && !used.contains(old.ipAddress())
          && allocator.usable(prefixes, old.ipAddress())) {
        kept.put(n, old.ipAddress());
        used.add(old.ipAddress());
      }
    }
    int dynamic = byMember.isEmpty() ? needs.size() - kept.size() : 0;
    List<String> fresh =
        allocator
            .allocate(prefixes, used, dynamic)
            .orElseThrow(
                () ->
                    NetworkError.SUBNET_FULL.exception(
                        subnet.id(), String.join(", ", subnet.addressPrefixes()), dynamic));
    List<MemberAddress> out = new ArrayList<>();
    int next = 0;
    for (Need n : needs) {
      MemberAddress old = previous.get(n.key());
      String name =
          old != null ? old.ipConfigurationName() : "privateEndpointIpConfig." + UUID.randomUUID();
      PrivateEndpoint.StaticIpConfiguration s = byMember.get(n.groupId() + "|" + n.memberName());
      String ip =
          s != null ? s.privateIPAddress() : kept.containsKey(n) ? kept.get(n) : fresh.get(next++);
      out.add(
          new MemberAddress(
              name, n.target(), n.groupId(), n.memberName(), n.fqdns(), ip, s != null));
    }
    return out;
  }
}
