/** Microsoft.Network private DNS zones, virtual network links and record sets. */
package dev.moat.privatedns;
