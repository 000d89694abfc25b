/**
 * Reachability: whether a source (a subnet or the host) can open a connection to an address, and
 * the Azure-shaped reason when it cannot.
 */
package dev.moat.fabric.reach;
