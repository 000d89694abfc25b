/**
 * Stored records of Microsoft.Network (spec apart from provisioning status) and the tables they
 * live in.
 */
package dev.moat.network.model;
