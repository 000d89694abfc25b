/** The az-compatible command line. */
package dev.moat.cli;
