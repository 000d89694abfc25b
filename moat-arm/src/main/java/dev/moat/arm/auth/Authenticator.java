package dev.moat.arm.auth;

import dev.moat.arm.http.HttpCall;
import dev.moat.platform.error.CommonError;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the bearer token of an ARM request: present, signed by Moat, unexpired, and issued for the
 * management endpoint (Moat's own URL, or Azure's public ARM audiences).
 */
public final class Authenticator {
  private static final Set<String> AZURE_AUDIENCES =
      Set.of("https://management.azure.com", "https://management.core.windows.net");
  private static final Pattern LOOPBACK_MOAT =
      Pattern.compile("https://(127\\.\\d+\\.\\d+\\.\\d+|localhost):\\d+");

  private final TokenService tokens;

  public Authenticator(TokenService tokens) {
    this.tokens = tokens;
  }

  /** The caller of an ARM request; throws the 401 ARM answers otherwise. */
  public Principal authenticate(HttpCall call) {
    String header =
        call.header("authorization").orElseThrow(CommonError.AUTHENTICATION_MISSING::exception);
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw CommonError.AUTHENTICATION_FORMAT.exception();
    }
    TokenService.VerifiedToken token =
        tokens.verify(header.substring(7).trim()).orElseThrow(CommonError.INVALID_TOKEN::exception);
    Instant now = tokens.clock().instant();
    if (!token.expiresAt().isAfter(now)) {
      throw CommonError.EXPIRED_TOKEN.exception(token.expiresAt(), now);
    }
    if (!isManagementAudience(token.audience(), call.baseUri())) {
      throw CommonError.INVALID_AUDIENCE.exception(
          token.audience(), call.baseUri() + "/, https://management.azure.com/");
    }
    return token.principal();
  }

  /**
   * True for Moat's own base URL and any loopback Moat URL (a token outlives a restart on another
   * port, as an ARM token outlives nothing but its expiry), and for Azure's ARM audiences.
   */
  static boolean isManagementAudience(String audience, String baseUri) {
    return isManagementAudience(audience) || normalized(audience).equals(normalized(baseUri));
  }

  /**
   * True for Azure's ARM audiences and any loopback Moat URL: what Moat's services (ARM, and the
   * registry's token exchange) accept as an Entra token's audience.
   */
  public static boolean isManagementAudience(String audience) {
    String a = normalized(audience);
    return AZURE_AUDIENCES.contains(a) || LOOPBACK_MOAT.matcher(a).matches();
  }

  private static String normalized(String url) {
    return url.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
  }
}
