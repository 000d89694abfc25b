/** Wire records and operation tables of Microsoft.ContainerRegistry. */
package dev.moat.containerregistry.http;
