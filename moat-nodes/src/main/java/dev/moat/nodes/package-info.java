/**
 * Node agents: the nodes of a managed cluster, which bootstrap through their network path (resolve,
 * reach, authenticate, pull) the way an AKS node does.
 */
package dev.moat.nodes;
