/** ACR's error codes and the rules requests are checked against before anything is written. */
package dev.moat.containerregistry.validation;
