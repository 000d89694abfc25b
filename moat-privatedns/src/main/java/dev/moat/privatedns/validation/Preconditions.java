package dev.moat.privatedns.validation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code If-Match} / {@code If-None-Match} headers of a write, checked against the current
 * etag. Azure's clients send the etag as they read it from the body; quoted and weak forms are
 * accepted too, since HTTP clients may add them.
 *
 * @param ifMatch the header value, or null
 * @param ifNoneMatch the header value, or null ({@code *} means "only if it does not exist")
 */
public record Preconditions(String ifMatch, String ifNoneMatch) {

  public static Preconditions none() {
    return new Preconditions(null, null);
  }

  /** Throws {@code PreconditionFailed} unless the resource's state satisfies both headers. */
  public void check(Optional<String> currentEtag) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      boolean ok =
          currentEtag.isPresent()
              && (ifMatch.trim().equals("*") || anyMatches(ifMatch, currentEtag.get()));
      if (!ok) {
        throw PrivateDnsError.IF_MATCH_FAILED.exception(ifMatch);
      }
    }
    if (ifNoneMatch != null && !ifNoneMatch.isBlank() && currentEtag.isPresent()) {
      if (ifNoneMatch.trim().equals("*") || anyMatches(ifNoneMatch, currentEtag.get())) {
        throw PrivateDnsError.IF_NONE_MATCH_FAILED.exception(ifNoneMatch);
      }
    }
  }

  private static boolean anyMatches(String header, String etag) {
    return Arrays.stream(header.split(",")).map(Preconditions::bare).anyMatch(etag::equals);
  }

  private static String bare(String value) {
    String v = value.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }
}
