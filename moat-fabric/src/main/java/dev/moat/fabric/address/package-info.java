/**
 * IPv4 values: addresses, CIDR prefixes, the non-internet ranges, and the deterministic
 * pseudo-public addresses Moat gives to public names it serves.
 */
package dev.moat.fabric.address;
