package dev.moat.fabric;

/** Whether traffic from a subnet can leave for the internet. */
public enum Egress {
  /** A public path exists (load balancer, NAT gateway, default outbound access, a firewall). */
  INTERNET,
  /** No public path: only addresses inside the virtual network are reachable. */
  NONE
}
