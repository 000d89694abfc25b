package dev.moat.arm.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.moat.arm.tls.LocalCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Issues and verifies Moat's access tokens: RS256 JWTs with the claims Azure clients and services
 * read ({@code tid}, {@code oid}, {@code appid}, {@code aud}, {@code iat}, {@code exp}). The
 * signing key is created once and kept in the data directory, so tokens survive a restart.
 */
public final class TokenService {
  /** Lifetime of tokens from the token endpoint; Azure AD's default is 60-90 minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private volatile Predicate<Principal> admitted = p -> true;
  private final RSAKey key;
  private final Clock clock;
  private final RSASSAVerifier verifier;

  private TokenService(RSAKey key, Clock clock) {
    this.key = key;
    this.clock = clock;
    try {
      this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads the signing key from {@code dir/token-signing-key.json}, creating it on first use. */
  public static TokenService loadOrCreate(Path dir, Clock clock) {
    Path file = dir.resolve("token-signing-key.json");
    try {
      if (Files.exists(file)) {
        return new TokenService(
            RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)), clock);
      }
      RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      Files.createDirectories(dir);
      LocalCertificateAuthority.writeAtomically(file, key.toJSONString());
      return new TokenService(key, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cannot load the token signing key " + file, e);
    }
  }

  /** The issuer claim: shaped like Azure AD v1's {@code https://sts.windows.net/{tid}/}. */
  public static String issuer(String tenantId) {
    return "https://sts.moat.local/" + tenantId + "/";
  }

  /** A signed token for {@code principal} to present to {@code audience}. */
  public IssuedToken issue(Principal principal, String audience, Duration lifetime) {
    return issue(principal, audience, lifetime, Map.of());
  }

  /**
   * A signed token with extra claims (e.g. a registry token's {@code access} list); extra claims
   * must be JSON values (strings, numbers, booleans, lists and maps of them).
   */
  public IssuedToken issue(
      Principal principal, String audience, Duration lifetime, Map<String, Object> extraClaims) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(issuer(principal.tenantId()))
            .audience(audience)
            .subject(principal.objectId())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(300)))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .claim("tid", principal.tenantId())
            .claim("oid", principal.objectId())
            .claim("appid", principal.appId())
            .claim("idtyp", principal.type() == Principal.PrincipalType.User ? "user" : "app")
            .claim("moat_ptype", principal.type().name())
            .claim("name", principal.displayName());
    extraClaims.forEach(builder::claim);
    JWTClaimsSet claims = builder.build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return new IssuedToken(jwt.serialize(), audience, now, expires);
  }

  /**
   * Honours from now on only tokens whose principal passes {@code admitted} (strict
   * authentication): every protocol (ARM, the registry's token exchange, cluster tokens) verifies
   * through here, so one check covers every listener.
   */
  public void admitOnly(Predicate<Principal> admitted) {
    this.admitted = admitted;
  }

  /**
   * Verifies a token's signature and reads it; expiry and audience are the caller's to check (their
   * errors differ per protocol). Empty when the token is malformed, not Moat's, or names a
   * principal that is not {@linkplain #admitOnly admitted}.
   */
  public Optional<VerifiedToken> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Date exp = c.getExpirationTime();
      String type = c.getStringClaim("moat_ptype");
      if (exp == null || type == null) {
        return Optional.empty();
      }
      Principal principal =
          new Principal(
              c.getStringClaim("tid"),
              c.getStringClaim("oid"),
              c.getStringClaim("appid"),
              Principal.PrincipalType.valueOf(type),
              c.getStringClaim("name"));
      if (!admitted.test(principal)) {
        return Optional.empty();
      }
      List<String> aud = c.getAudience();
      return Optional.of(
          new VerifiedToken(
              principal, aud.isEmpty() ? "" : aud.get(0), exp.toInstant(), c.getClaims()));
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The public key set, as served at the authority's {@code jwks_uri}. */
  public String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public Clock clock() {
    return clock;
  }

  /** A token as issued. */
  public record IssuedToken(String value, String audience, Instant issuedAt, Instant expiresAt) {}

  /**
   * A token whose signature checked out.
   *
   * @param claims every claim, as parsed JSON values
   */
  public record VerifiedToken(
      Principal principal, String audience, Instant expiresAt, Map<String, Object> claims) {}
}
