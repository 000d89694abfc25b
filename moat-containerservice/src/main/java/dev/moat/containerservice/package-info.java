/** Microsoft.ContainerService: managed clusters and agent pools, network-isolated or not. */
package dev.moat.containerservice;
