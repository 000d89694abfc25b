package dev.moat.managedidentity.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/** IMDS's token response and error body. IMDS sends the numeric fields as strings. */
final class ImdsBodies {
  private ImdsBodies() {}

  /** A token, as {@code GET /metadata/identity/oauth2/token} returns it. */
  record Token(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("client_id") String clientId,
      @JsonProperty("expires_in") String expiresIn,
      @JsonProperty("expires_on") String expiresOn,
      @JsonProperty("ext_expires_in") String extExpiresIn,
      @JsonProperty("not_before") String notBefore,
      @JsonProperty("resource") String resource,
      @JsonProperty("token_type") String tokenType) {}

  /** {@code {"error":"...","error_description":"..."}}. */
  record Error(
      @JsonProperty("error") String error,
      @JsonProperty("error_description") String errorDescription) {}
}
