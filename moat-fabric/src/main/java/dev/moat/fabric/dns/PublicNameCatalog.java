package dev.moat.fabric.dns;

import dev.moat.fabric.address.Ipv4;
import dev.moat.fabric.address.PseudoPublicAddresses;
import dev.moat.fabric.topology.PublicNameInventory;
import dev.moat.fabric.topology.PublicNameView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of every public name, indexed by name, by private-link alias and by address. Built per
 * question from the inventories (they are in-memory or indexed reads), so a change is visible to
 * the very next question.
 *
 * <p>When inventories disagree about a name, the first inventory in the list wins. A view with no
 * public addresses gets {@link PseudoPublicAddresses#forName}. Names starting with {@code *.} match
 * every name below them.
 */
public final class PublicNameCatalog {
  private final Map<String, PublicEndpoint> exact = new LinkedHashMap<>();
  private final Map<String, PublicEndpoint> wildcards = new LinkedHashMap<>();
  private final Map<String, PublicEndpoint> byAlias = new HashMap<>();
  private final Map<Ipv4, List<PublicEndpoint>> byAddress = new HashMap<>();

  /** A public name with its effective addresses. */
  public record PublicEndpoint(PublicNameView view, List<String> addresses) {
    /**
     * The name's alias under {@code privatelink}, if private link can override it; never for a
     * wildcard, as one alias cannot stand for many names.
     */
    public Optional<String> alias() {
      return view.fqdn().startsWith("*.")
          ? Optional.empty()
          : Optional.ofNullable(view.privateLinkAlias()).map(DomainNames::normalize);
    }
  }

  private PublicNameCatalog() {}

  /** Reads every inventory now. */
  public static PublicNameCatalog snapshot(List<PublicNameInventory> inventories) {
    PublicNameCatalog catalog = new PublicNameCatalog();
    for (PublicNameInventory inventory : inventories) {
      for (PublicNameView view : inventory.publicNames()) {
        catalog.add(view);
      }
    }
    return catalog;
  }

  private void add(PublicNameView view) {
    String fqdn = DomainNames.normalize(view.fqdn());
    boolean wildcard = fqdn.startsWith("*.");
    Map<String, PublicEndpoint> index = wildcard ? wildcards : exact;
    String key = wildcard ? fqdn.substring(2) : fqdn;
    if (index.containsKey(key)) {
      return;
    }
    List<String> addresses =
        view.publicAddresses() == null || view.publicAddresses().isEmpty()
            ? List.of(PseudoPublicAddresses.forName(fqdn).toString())
            : List.copyOf(view.publicAddresses());
    PublicEndpoint endpoint = new PublicEndpoint(view, addresses);
    index.put(key, endpoint);
    endpoint.alias().ifPresent(alias -> byAlias.putIfAbsent(alias, endpoint));
    for (String address : addresses) {
      Ipv4.tryParse(address)
          .ifPresent(ip -> byAddress.computeIfAbsent(ip, k -> new ArrayList<>()).add(endpoint));
    }
  }

  /** The endpoint serving {@code name} (normalised): an exact name, else the closest wildcard. */
  public Optional<PublicEndpoint> lookup(String name) {
    PublicEndpoint hit = exact.get(name);
    if (hit != null) {
      return Optional.of(hit);
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      PublicEndpoint wildcard = wildcards.get(name.substring(dot + 1));
      if (wildcard != null) {
        return Optional.of(wildcard);
      }
    }
    return Optional.empty();
  }

  /** The endpoint whose private-link alias is {@code alias} (normalised). */
  public Optional<PublicEndpoint> byAlias(String alias) {
    return Optional.ofNullable(byAlias.get(alias));
  }

  /** Every endpoint that answers with {@code address}; usually one, empty when none does. */
  public List<PublicEndpoint> ownersOf(Ipv4 address) {
    return byAddress.getOrDefault(address, List.of());
  }
}
