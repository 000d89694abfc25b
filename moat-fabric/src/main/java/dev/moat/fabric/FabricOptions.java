package dev.moat.fabric;

import java.net.InetAddress;

/**
 * Where the fabric's DNS servers listen.
 *
 * @param bindAddress a loopback address (Moat never listens beyond the machine)
 * @param hostDnsPort the port of the host's public view; 0 for an ephemeral port. VNet views always
 *     get ephemeral ports, listed by {@link NetworkFabric#dnsViews()}.
 */
public record FabricOptions(InetAddress bindAddress, int hostDnsPort) {

  public FabricOptions {
    if (!bindAddress.isLoopbackAddress()) {
      throw new IllegalArgumentException("DNS must bind to a loopback address: " + bindAddress);
    }
    if (hostDnsPort < 0 || hostDnsPort > 65535) {
      throw new IllegalArgumentException("port out of range: " + hostDnsPort);
    }
  }

  /** 127.0.0.1, ephemeral ports everywhere. */
  public static FabricOptions defaults() {
    return new FabricOptions(InetAddress.getLoopbackAddress(), 0);
  }
}
