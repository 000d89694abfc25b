/** Private DNS operations: the only code that writes zones, links and record sets. */
package dev.moat.privatedns.service;
