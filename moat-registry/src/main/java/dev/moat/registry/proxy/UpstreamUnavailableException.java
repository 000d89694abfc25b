package dev.moat.registry.proxy;

import java.io.IOException;

/** The upstream could not be reached or answered with a server error; cached content may serve. */
public final class UpstreamUnavailableException extends IOException {
  public UpstreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
