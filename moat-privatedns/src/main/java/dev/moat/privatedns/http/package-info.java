/** Wire bodies and operation tables of the private DNS REST API. */
package dev.moat.privatedns.http;
