/**
 * What the fabric knows of the world, as read-only views that the providers supply: virtual
 * networks and the addresses in them (network provider), private DNS zones (private DNS provider),
 * and public names (providers whose resources have public endpoints). The fabric depends on no
 * provider; providers implement these interfaces.
 */
package dev.moat.fabric.topology;
