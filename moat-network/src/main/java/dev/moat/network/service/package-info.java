/**
 * Operations over the network tables: the only code that writes them. Address allocation and DNS
 * record upkeep run inside the transaction of the write that needs them.
 */
package dev.moat.network.service;
