/**
 * Stored records of Microsoft.ContainerService: a managed cluster's spec (what the user asked for)
 * apart from its status (what the reconciler observed and created), agent pools with their nodes,
 * and the tables they live in.
 */
package dev.moat.containerservice.model;
