/**
 * Microsoft.ContainerService's error codes and the checks a PUT passes before anything is written.
 */
package dev.moat.containerservice.validation;
