/** Azure's private DNS rules and error codes, checked before anything is written. */
package dev.moat.privatedns.validation;
