/** Stored zones, links and record sets (spec apart from status) and their repositories. */
package dev.moat.privatedns.model;
