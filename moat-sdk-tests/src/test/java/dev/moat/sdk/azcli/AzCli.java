package dev.moat.sdk.azcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.moat.platform.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code az} CLI as a subprocess with its own config directory, no telemetry, and trust in
 * exactly the given CA bundle. Each command runs with a timeout; its exit code, stdout and stderr
 * come back together so that assertion messages can show them.
 */
final class AzCli {
  private final Path configDir;
  private final Path caBundle;
  private final Path work;

  AzCli(Path work, Path caBundle) {
    this.work = work;
    this.configDir = work.resolve("azure-config");
    this.caBundle = caBundle;
  }

  /** The {@code az} executable on PATH, if there is one. */
  static Optional<Path> find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "az");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** One finished run. */
  record Run(List<String> command, int exitCode, String stdout, String stderr) {
    JsonNode json() {
      if (stdout.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return Json.mapper().readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError("az printed no JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + "\n  exit "
          + exitCode
          + "\n  stdout: "
          + stdout.strip()
          + "\n  stderr: "
          + stderr.strip();
    }
  }

  Run run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add("az");
    command.addAll(List.of(args));
    try {
      Files.createDirectories(configDir);
      Path out = Files.createTempFile(work, "az-out", ".txt");
      Path err = Files.createTempFile(work, "az-err", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("AZURE_CONFIG_DIR", configDir.toString());
      env.put("AZURE_CORE_COLLECT_TELEMETRY", "false");
      env.put("AZURE_CORE_NO_COLOR", "true");
      env.put("AZURE_CORE_SURVEY_MESSAGE", "false");
      env.put("REQUESTS_CA_BUNDLE", caBundle.toString());
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "az timed out after " + timeout + ": " + new Run(command, -1, read(out), read(err)));
      }
      return new Run(command, p.exitValue(), read(out), read(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
