/** Wire records and operation tables of Microsoft.ContainerService. */
package dev.moat.containerservice.http;
