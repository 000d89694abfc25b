package dev.moat.network.service;

import dev.moat.network.model.NetworkInterface;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Subnet;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.id.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SubnetAddresses} for cluster nodes and API servers. Each owner's addresses live on one
 * network interface, {@code .../networkInterfaces/{owner}-nic-{hash}} in the owner's resource
 * group, as a VM scale set's NICs do: so the same {@link AddressAllocator} and the same in-use set
 * serve them and private endpoints, the subnet lists them in {@code ipConfigurations} (and refuses
 * deletion while they exist), and the fabric sees them in {@code endpointAddresses()} with their
 * FQDNs.
 *
 * <p>FQDNs: when {@code fqdns} has exactly one name per address, address {@code i} serves {@code
 * fqdns[i]} (one name per node); otherwise every address serves all of them.
 */
public final class OwnedAddresses implements SubnetAddresses {
  private final NetworkStore store;
  private final SubnetUsage usage;
  private final AddressAllocator allocator;

  public OwnedAddresses(NetworkStore store, SubnetUsage usage, AddressAllocator allocator) {
    this.store = store;
    this.usage = usage;
    this.allocator = allocator;
  }

  @Override
  public List<String> allocate(ResourceId subnet, ResourceId owner, int count, List<String> fqdns) {
    return store
        .database()
        .inTransaction(
            c -> {
              Subnet s =
                  store
                      .subnets()
                      .get(subnet)
                      .orElseThrow(() -> VirtualNetworkService.notFound(subnet));
              ResourceId nicId = nicOf(owner);
              Optional<NetworkInterface> existing = store.networkInterfaces().get(nicId);
              List<NetworkInterface.IpConfiguration> configs =
                  new ArrayList<>(
                      existing.map(NetworkInterface::ipConfigurations).orElse(List.of()));
              List<NetworkInterface.IpConfiguration> held =
                  configs.stream().filter(x -> x.subnet().equals(subnet)).toList();
              int missing = count - held.size();
              if (missing > 0) {
                List<String> fresh =
                    allocator
                        .allocate(s.cidrs(), usage.usedAddresses(subnet, null), missing)
                        .orElseThrow(
                            () ->
                                NetworkError.SUBNET_FULL.exception(
                                    subnet, String.join(", ", s.addressPrefixes()), missing));
                for (String ip : fresh) {
                  configs.add(configuration(owner, subnet, ip, configs.isEmpty()));
                }
              }
              List<NetworkInterface.IpConfiguration> mine = new ArrayList<>();
              List<NetworkInterface.IpConfiguration> others = new ArrayList<>();
              configs.forEach(x -> (x.subnet().equals(subnet) ? mine : others).add(x));
              List<NetworkInterface.IpConfiguration> named = new ArrayList<>(others);
              for (int i = 0; i < mine.size(); i++) {
                named.add(withFqdns(mine.get(i), fqdnsFor(i, count, fqdns)));
              }
              String location =
                  store
                      .virtualNetworks()
                      .get(subnet.parent().orElseThrow())
                      .map(v -> v.location())
                      .orElse("");
              store
                  .networkInterfaces()
                  .put(
                      nicId,
                      new NetworkInterface(
                          nicId,
                          location,
                          null,
                          named,
                          existing
                              .map(NetworkInterface::resourceGuid)
                              .orElse(UUID.randomUUID().toString())));
              return mine.stream()
                  .limit(Math.max(count, 0))
                  .map(x -> x.privateIPAddress())
                  .toList();
            });
  }

  @Override
  public List<String> addressesOf(ResourceId owner) {
    return store.networkInterfaces().get(nicOf(owner)).stream()
        .flatMap(n -> n.ipConfigurations().stream())
        .map(NetworkInterface.IpConfiguration::privateIPAddress)
        .toList();
  }

  @Override
  public void release(ResourceId owner) {
    ResourceId nic = nicOf(owner);
    if (store.networkInterfaces().get(nic).isPresent()) {
      store.networkInterfaces().delete(nic);
    }
  }

  /** The NIC that carries {@code owner}'s addresses. */
  public static ResourceId nicOf(ResourceId owner) {
    ResourceId group =
        owner.resourceGroupId().orElse(ResourceId.resourceGroup(owner.subscriptionId(), "moat"));
    String name = owner.name().toLowerCase(Locale.ROOT) + "-nic-" + hash(owner.key());
    return ResourceId.parse(group + "/providers/Microsoft.Network/networkInterfaces/" + name);
  }

  private static List<String> fqdnsFor(int index, int count, List<String> fqdns) {
    if (fqdns == null || fqdns.isEmpty()) {
      return List.of();
    }
    if (fqdns.size() == count && index < fqdns.size()) {
      return List.of(fqdns.get(index));
    }
    return fqdns;
  }

  private static NetworkInterface.IpConfiguration configuration(
      ResourceId owner, ResourceId subnet, String ip, boolean primary) {
    return new NetworkInterface.IpConfiguration(
        "ipconfig-" + ip.replace('.', '-'),
        subnet,
        ip,
        false,
        primary,
        owner,
        null,
        null,
        List.of());
  }

  private static NetworkInterface.IpConfiguration withFqdns(
      NetworkInterface.IpConfiguration c, List<String> fqdns) {
    return new NetworkInterface.IpConfiguration(
        c.name(),
        c.subnet(),
        c.privateIPAddress(),
        c.isStatic(),
        c.primary(),
        c.target(),
        c.groupId(),
        c.requiredMemberName(),
        fqdns);
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
