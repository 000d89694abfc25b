/**
 * {@code Microsoft.Network} private DNS: private zones, virtual network links and record sets.
 * Zones and links are written through long-running operations that reconcilers finish; record sets
 * are written synchronously. The provider offers the fabric a {@link
 * dev.moat.fabric.topology.PrivateZoneInventory} and private endpoints a {@link
 * dev.moat.platform.contracts.PrivateDnsRecords}.
 */
package dev.moat.privatedns;
