package dev.moat.registry.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code sha256:<64 lower-case hex>}. Only sha256 is accepted: it is the only
 * algorithm the AKS bootstrap images use and the only one the spec requires registries to support.
 */
public record Digest(String hex) {
  private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

  public Digest {
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("invalid sha256 hex: " + hex);
    }
  }

  /** Parses {@code sha256:<hex>}; throws {@link IllegalArgumentException} otherwise. */
  public static Digest parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      throw new IllegalArgumentException("unsupported or malformed digest: " + text);
    }
    return new Digest(text.substring("sha256:".length()));
  }

  /** True when {@code text} looks like {@code algorithm:encoded}, as a reference would. */
  public static boolean looksLikeDigest(String text) {
    return text.indexOf(':') > 0;
  }

  /** The digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return fromHash(newHasher().digest(bytes));
  }

  /** The digest of a UTF-8 string. */
  public static Digest of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static Digest fromHash(byte[] sha256) {
    return new Digest(HexFormat.of().formatHex(sha256));
  }

  public static MessageDigest newHasher() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
