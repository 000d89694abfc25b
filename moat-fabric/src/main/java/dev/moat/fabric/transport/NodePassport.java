package dev.moat.fabric.transport;

import dev.moat.platform.id.ResourceId;

/** A node placed in a subnet with an address: who a passport stands for. */
public record NodePassport(String nodeName, ResourceId subnet, String privateIpAddress) {}
