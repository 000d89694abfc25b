/**
 * DNS with Azure semantics: {@link dev.moat.fabric.dns.ViewResolver} answers a name from a view (a
 * virtual network's, where linked private zones are authoritative, or the host's public one);
 * {@link dev.moat.fabric.dns.DnsServers} serves every view as a real DNS server on loopback with
 * dnsjava, one port per view. Built-in internet names are in {@link
 * dev.moat.fabric.dns.PublicUpstreams}.
 */
package dev.moat.fabric.dns;
