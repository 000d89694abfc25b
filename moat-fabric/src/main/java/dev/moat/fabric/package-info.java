/**
 * The network fabric: which addresses exist in which virtual network, what a name resolves to from
 * a given network (one DNS view per VNet), and whether an address and port is reachable from a
 * given source. Fed by the network providers; read by node agents and the registry.
 *
 * <p>Entry point: {@link dev.moat.fabric.NetworkFabric}. Subpackages: {@code topology} (the views
 * providers implement), {@code address} (IPv4 values), {@code dns} (resolution and DNS servers),
 * {@code reach} (reachability).
 */
package dev.moat.fabric;
