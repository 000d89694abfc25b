/** Microsoft.Network's error codes and its address-space and location rules. */
package dev.moat.network.validation;
