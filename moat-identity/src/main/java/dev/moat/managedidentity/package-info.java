/** Microsoft.ManagedIdentity: user-assigned identities and their managed-identity tokens. */
package dev.moat.managedidentity;
