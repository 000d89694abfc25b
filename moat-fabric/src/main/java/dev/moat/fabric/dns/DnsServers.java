package dev.moat.fabric.dns;

import dev.moat.fabric.topology.NetworkInventory;
import dev.moat.fabric.topology.VirtualNetworkView;
import dev.moat.platform.id.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The DNS servers of one fabric: one for the host's public view and one per virtual network, each
 * on its own port of a loopback address (UDP and TCP).
 *
 * <p>Why a port per view: a real VM reaches "its" DNS at 168.63.129.16 and the answer depends on
 * which VNet it sits in; locally the only cheap, dependency-free way to tell views apart without
 * privileges is the port the query arrives on. A node agent is configured with the port of its
 * VNet; a developer can {@code dig @127.0.0.1 -p PORT} the same view.
 *
 * <p>Why servers follow the inventory lazily: the inventories are pull-only, so the set of servers
 * is brought in line with the VNets that exist whenever someone asks for a server or for the list
 * of views ({@link #sync()}), and may be synced explicitly after a VNet is created or deleted. A
 * server whose VNet is gone answers REFUSED until the next sync closes it. Answers themselves are
 * never stale: each query reads the inventories.
 *
 * <p>Every view shares one {@link DnsLoop}: a selector thread for all sockets and {@value #WORKERS}
 * workers for answers, however many VNets exist.
 *
 * <p>Thread-safe; lifecycle methods are serialised on this object.
 */
public final class DnsServers implements AutoCloseable {
  /** Answer workers: answers are short store reads, so the cores of a small machine suffice. */
  static final int WORKERS = 2;

  private final NetworkInventory network;
  private final ViewResolver resolver;
  private final InetAddress bindAddress;
  private final int hostPort;
  private final Clock clock;
  private final Map<ResourceId, DnsServer> vnetServers = new LinkedHashMap<>();
  private DnsLoop loop;
  private DnsServer hostServer;
  private boolean closed;

  /**
   * @param bindAddress a loopback address to serve on
   * @param hostPort the port of the host view, 0 for an ephemeral port; VNet views always use
   *     ephemeral ports
   */
  public DnsServers(
      NetworkInventory network,
      ViewResolver resolver,
      InetAddress bindAddress,
      int hostPort,
      Clock clock) {
    this.network = network;
    this.resolver = resolver;
    this.bindAddress = bindAddress;
    this.hostPort = hostPort;
    this.clock = clock;
  }

  /**
   * Starts the host server and one server per existing VNet. Idempotent.
   *
   * @throws UncheckedIOException when a socket cannot be bound (the servers started so far are
   *     closed again)
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("DNS servers are closed");
    }
    if (loop != null) {
      return;
    }
    try {
      loop = new DnsLoop(WORKERS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for DNS", e);
    }
    try {
      hostServer = open(DnsView.host(), hostPort, () -> true);
      sync();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens servers for new VNets and closes those of deleted ones. */
  public synchronized void sync() {
    requireStarted();
    Set<ResourceId> present =
        network.virtualNetworks().stream()
            .map(VirtualNetworkView::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    vnetServers.entrySet().removeIf(e -> closeIfGone(e.getKey(), e.getValue(), present));
    for (ResourceId vnet : present) {
      if (!vnetServers.containsKey(vnet)) {
        vnetServers.put(vnet, open(DnsView.of(vnet), 0, () -> exists(vnet)));
      }
    }
  }

  /**
   * The server of {@code vnet}'s view (opened if the VNet is new), or empty if the VNet is unknown.
   * Looks at this one VNet only: a node asks on every bootstrap, so the cost must not grow with the
   * number of VNets; {@link #views()} syncs them all.
   */
  public synchronized Optional<InetSocketAddress> server(ResourceId vnet) {
    requireStarted();
    if (!exists(vnet)) {
      DnsServer gone = vnetServers.remove(vnet);
      if (gone != null) {
        gone.close();
      }
      return Optional.empty();
    }
    DnsServer server = vnetServers.get(vnet);
    if (server == null) {
      server = open(DnsView.of(vnet), 0, () -> exists(vnet));
      vnetServers.put(vnet, server);
    }
    return Optional.of(server.address());
  }

  /** The server of the host's public view. */
  public synchronized InetSocketAddress hostServer() {
    requireStarted();
    return hostServer.address();
  }

  /** Every view, host first, after a {@link #sync()}. */
  public synchronized List<DnsViewInfo> views() {
    sync();
    List<DnsViewInfo> views = new ArrayList<>();
    views.add(info(hostServer));
    vnetServers.values().forEach(s -> views.add(info(s)));
    return views;
  }

  /** Stops every server and its threads. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    vnetServers.values().forEach(DnsServer::close);
    vnetServers.clear();
    if (hostServer != null) {
      hostServer.close();
      hostServer = null;
    }
    if (loop != null) {
      loop.close();
    }
  }

  private boolean exists(ResourceId vnet) {
    return network.virtualNetwork(vnet).isPresent();
  }

  private static boolean closeIfGone(ResourceId vnet, DnsServer server, Set<ResourceId> present) {
    if (present.contains(vnet)) {
      return false;
    }
    server.close();
    return true;
  }

  private DnsServer open(DnsView view, int port, BooleanSupplier exists) {
    try {
      return DnsServer.start(
          view, new DnsResponder(view, resolver, exists), bindAddress, port, clock, loop);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve DNS view " + view.label() + " on " + bindAddress + ":" + port, e);
    }
  }

  private void requireStarted() {
    if (loop == null || closed) {
      throw new IllegalStateException("DNS servers are not running");
    }
  }

  private static DnsViewInfo info(DnsServer s) {
    return new DnsViewInfo(
        s.view().virtualNetwork(), s.address(), s.startedAt(), s.queries(), s.lastQuery());
  }
}
