/**
 * The network fabric: which addresses exist in which virtual network, what a name resolves to from
 * a given network (one DNS view per VNet), and whether an address and port is reachable from a
 * given source. Fed by the network providers; read by node agents and the registry.
 */
package dev.moat.fabric;
