package dev.moat.containerservice.http;

import dev.moat.arm.routing.ArmRequest;
import dev.moat.platform.error.CommonError;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code If-Match} / {@code If-None-Match} on a PUT, checked against the current etag ({@code eTag}
 * of a managed cluster or agent pool). A failed condition is {@code 412 PreconditionFailed} and
 * writes nothing. Quoted and weak forms are accepted, since HTTP clients may add them.
 */
final class EtagConditions {
  private EtagConditions() {}

  static void check(ArmRequest request, Optional<String> current) {
    Optional<String> ifMatch = request.header("If-Match").filter(h -> !h.isBlank());
    if (ifMatch.isPresent()) {
      String h = ifMatch.get();
      boolean ok = current.isPresent() && (h.trim().equals("*") || matches(h, current.get()));
      if (!ok) {
        throw CommonError.PRECONDITION_FAILED.exception("If-Match: " + h);
      }
    }
    Optional<String> ifNoneMatch = request.header("If-None-Match").filter(h -> !h.isBlank());
    if (ifNoneMatch.isPresent() && current.isPresent()) {
      String h = ifNoneMatch.get();
      if (h.trim().equals("*") || matches(h, current.get())) {
        throw CommonError.PRECONDITION_FAILED.exception("If-None-Match: " + h);
      }
    }
  }

  private static boolean matches(String header, String etag) {
    return Arrays.stream(header.split(",")).map(EtagConditions::bare).anyMatch(etag::equals);
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
