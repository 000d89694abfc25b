package dev.moat.nodes;

import dev.moat.fabric.NetworkFabric;
import dev.moat.platform.id.ResourceId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves names as a VM in a virtual network does: by asking that VNet's DNS view (Azure's
 * 168.63.129.16, served by the fabric on loopback) over real DNS.
 */
final class VnetResolver {
  private final NetworkFabric fabric;

  VnetResolver(NetworkFabric fabric) {
    this.fabric = fabric;
  }

  /** The IPv4 addresses of {@code host} seen from {@code virtualNetwork}, in answer order. */
  List<String> resolve(ResourceId virtualNetwork, String host) throws NetworkFailure {
    return lookup(virtualNetwork, host).addresses();
  }

  /**
   * An answer: the addresses and the canonical name (the last CNAME target, with its trailing dot,
   * or {@code host.} when there is no CNAME), as Go's {@code net.LookupCNAME} reports it.
   */
  record Answer(List<String> addresses, String canonicalName) {}

  /** Resolves {@code host} from {@code virtualNetwork}: addresses and canonical name. */
  Answer lookup(ResourceId virtualNetwork, String host) throws NetworkFailure {
    InetSocketAddress server =
        fabric
            .dnsServer(virtualNetwork)
            .orElseThrow(() -> new NetworkFailure("no DNS server for " + virtualNetwork));
    Message response;
    try {
      SimpleResolver resolver = new SimpleResolver(server);
      resolver.setTimeout(Duration.ofSeconds(5));
      response =
          resolver.send(
              Message.newQuery(Record.newRecord(Name.fromString(host + "."), Type.A, DClass.IN)));
    } catch (TextParseException e) {
      throw new NetworkFailure("dial tcp: lookup " + host + ": invalid name");
    } catch (IOException e) {
      throw new NetworkFailure("dial tcp: lookup " + host + ": i/o timeout");
    }
    List<String> out = new ArrayList<>();
    String canonical = host + ".";
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        out.add(a.getAddress().getHostAddress());
      } else if (r instanceof CNAMERecord c) {
        canonical = c.getTarget().toString();
      }
    }
    if (response.getRcode() != Rcode.NOERROR || out.isEmpty()) {
      throw new NetworkFailure("dial tcp: lookup " + host + " on 168.63.129.16:53: no such host");
    }
    return new Answer(out, canonical);
  }
}
