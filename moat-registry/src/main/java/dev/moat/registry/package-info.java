/**
 * The registry data plane: an OCI distribution registry per container registry resource, ACR token
 * authentication, network rules and the pull-through cache behind cache rules.
 */
package dev.moat.registry;
