/** Microsoft.Network's wire shapes and operation tables. */
package dev.moat.network.http;
