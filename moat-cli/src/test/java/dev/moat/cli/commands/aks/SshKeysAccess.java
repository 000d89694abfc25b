package dev.moat.cli.commands.aks;

import java.security.interfaces.RSAPublicKey;

/** Test access to the package's helpers. */
public final class SshKeysAccess {
  private SshKeysAccess() {}

  public static String publicKey(RSAPublicKey key) {
    return SshKeys.publicKey(key);
  }
}
