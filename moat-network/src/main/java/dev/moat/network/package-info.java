/** Microsoft.Network: virtual networks, subnets, private endpoints, network interfaces. */
package dev.moat.network;
