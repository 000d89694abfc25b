package dev.moat.cli.commands.aks;

import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * az's {@code validate_ssh_key} for {@code aks create}: {@code --no-ssh-key} sends none; else the
 * {@code --ssh-key-value} (a key or a file), defaulting to {@code ~/.ssh/id_rsa.pub}; a missing
 * file is generated (RSA 2048, with the private key beside it) only under {@code
 * --generate-ssh-keys}, otherwise the command fails.
 */
final class SshKeys {
  static final String MISSING =
      "An RSA key file or key value must be supplied to SSH Key Value. You can use"
          + " --generate-ssh-keys to let CLI generate one for you";

  private SshKeys() {}

  /** The public key text to send, or null for {@code --no-ssh-key}. */
  static String resolve(CliContext context, String value, boolean generate, boolean noKey) {
    if (noKey) {
      return null;
    }
    String stringOrFile =
        value != null ? value : context.userHome().resolve(".ssh").resolve("id_rsa.pub").toString();
    Path file = Path.of(stringOrFile.replaceFirst("^~", context.userHome().toString()));
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      if (isRsaPublicKey(stringOrFile)) {
        return stringOrFile.strip();
      }
      if (!generate) {
        throw CliException.usage(MISSING);
      }
      String pub = file.toString();
      Path priv =
          Path.of(
              pub.toLowerCase(java.util.Locale.ROOT).endsWith(".pub")
                  ? pub.substring(0, pub.length() - 4)
                  : pub + ".private");
      String key = generate(priv, file);
      context
          .log()
          .warn(
              "SSH key files '"
                  + priv
                  + "' and '"
                  + file
                  + "' have been generated under ~/.ssh to allow SSH access to the VM. If using"
                  + " machines without permanent storage like Azure Cloud Shell without an"
                  + " attached file share, back up your keys to a safe location");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isRsaPublicKey(String value) {
    String[] parts = value.strip().split("\\s+");
    if (parts.length < 2 || !parts[0].equals("ssh-rsa")) {
      return false;
    }
    try {
      byte[] blob = Base64.getDecoder().decode(parts[1]);
      return blob.length > 11
          && new String(blob, 4, 7, StandardCharsets.US_ASCII).equals("ssh-rsa");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String generate(Path priv, Path pub) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      pair = gen.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Files.createDirectories(pub.toAbsolutePath().getParent());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(priv, pem);
    try {
      Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; nothing to tighten
    }
    String key = publicKey((RSAPublicKey) pair.getPublic());
    Files.writeString(pub, key + "\n");
    return key;
  }

  /** OpenSSH's {@code ssh-rsa} public key line (RFC 4253 §6.6). */
  static String publicKey(RSAPublicKey key) {
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    writeString(blob, key.getPublicExponent().toByteArray());
    writeString(blob, key.getModulus().toByteArray());
    return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray());
  }

  private static void writeString(ByteArrayOutputStream out, byte[] data) {
    byte[] len = BigInteger.valueOf(data.length).toByteArray();
    for (int i = 0; i < 4 - len.length; i++) {
      out.write(0);
    }
    out.write(len, Math.max(0, len.length - 4), Math.min(4, len.length));
    out.write(data, 0, data.length);
  }
}
