/**
 * {@code Microsoft.Resources}: resource groups. Deleting a group is a long-running operation that
 * removes everything inside it in one transaction.
 */
package dev.moat.resources;
