package dev.moat.privatedns.http;

import dev.moat.arm.routing.ArmRequest;
import dev.moat.privatedns.validation.Preconditions;

/** Reads {@code If-Match} and {@code If-None-Match} from a request. */
final class Conditions {
  private Conditions() {}

  static Preconditions of(ArmRequest request) {
    return new Preconditions(
        request.header("If-Match").orElse(null), request.header("If-None-Match").orElse(null));
  }
}
