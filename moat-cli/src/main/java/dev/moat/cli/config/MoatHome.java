package dev.moat.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's files under {@code $MOAT_HOME} (default {@code ~/.moat}).
 *
 * <pre>
 * $MOAT_HOME/
 *   endpoint              first line: the server's https URL (written by ./moat serve)
 *   ca.pem                the local CA the CLI trusts, and nothing else
 *   cli/
 *     login.json          the service principal of `login --service-principal` (secret included,
 *                         owner-only, as az keeps service_principal_entries.json)
 *     tokens.json         cached access tokens with their expiry, per endpoint and client
 *     profile.json        subscriptions seen per endpoint and the default one
 *     extensions.json     extensions "installed" with `extension add`
 * </pre>
 */
public final class MoatHome {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  public MoatHome(Path root) {
    this.root = root;
  }

  /** {@code MOAT_HOME} from the environment, else {@code ~/.moat}. */
  public static MoatHome from(Map<String, String> env) {
    String home = env.get("MOAT_HOME");
    if (home != null && !home.isBlank()) {
      return new MoatHome(Path.of(home));
    }
    String user = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new MoatHome(Path.of(user, ".moat"));
  }

  public Path root() {
    return root;
  }

  public Path endpointFile() {
    return root.resolve("endpoint");
  }

  public Path caPem() {
    return root.resolve("ca.pem");
  }

  public Path cliFile(String name) {
    return root.resolve("cli").resolve(name);
  }

  /** A JSON file under {@code cli/}, or a missing node when absent or unreadable. */
  public JsonNode readJson(String name) {
    Path file = cliFile(name);
    if (!Files.isRegularFile(file)) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      return MissingNode.getInstance(); // a corrupt cache is as good as none
    }
  }

  /** Writes a JSON file under {@code cli/} atomically, readable by the owner only. */
  public void writeJson(String name, JsonNode value) {
    Path file = cliFile(name);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), name, ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; keep the default permissions
      }
      MAPPER.writeValue(tmp.toFile(), value);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public void delete(String name) {
    try {
      Files.deleteIfExists(cliFile(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file under the root, if present. */
  public Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
