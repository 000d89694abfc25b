package dev.moat.cli.config;

import java.time.Instant;

/** A bearer token and when it expires. */
public record AccessToken(String value, Instant expiresOn) {
  /** Usable now, with a margin so a token does not expire in the middle of a command. */
  public boolean isFresh(Instant now) {
    return expiresOn.isAfter(now.plusSeconds(300));
  }
}
