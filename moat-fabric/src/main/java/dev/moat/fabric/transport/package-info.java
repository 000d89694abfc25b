/**
 * How traffic from inside a virtual network reaches Moat's services for real: node agents send
 * HTTPS to one loopback "fabric ingress" listener, presenting a passport that says which node (and
 * so which subnet) they are and the virtual address they connected to. The ingress asks the fabric
 * whether that path exists before any service sees the request. Passports are secrets held in
 * memory only, so a host client cannot forge an in-VNet path.
 */
package dev.moat.fabric.transport;
