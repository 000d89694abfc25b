package dev.moat.server;

import dev.moat.cli.MoatCli;
import dev.moat.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs bash scripts whose {@code az} is this JVM's CLI: {@code az} is a bash function that writes
 * its arguments (NUL-separated) to a FIFO; a thread here runs {@link MoatCli#run} on them and hands
 * back stdout, stderr and the exit code. Bash keeps its own semantics (variables, {@code $(...)},
 * quoting, {@code set -e}); the CLI runs in-process, so there is no JVM start per command. The
 * terminal answers "y" to every prompt, as the document's reader at a terminal would.
 */
final class SeedDocumentBridge {
  record Call(List<String> args, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "az " + String.join(" ", args) + " -> exit " + exitCode + "\n" + err;
    }
  }

  static final String AZ_FUNCTION =
      """
      az() {
        printf '%s\\0' "$@" > "$MOAT_BRIDGE/req"
        local code
        read -r code < "$MOAT_BRIDGE/done"
        cat "$MOAT_BRIDGE/out"
        cat "$MOAT_BRIDGE/err" >&2
        return "$code"
      }
      """;

  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> env;

  SeedDocumentBridge(Map<String, String> env) {
    this.env = env;
  }

  /** Runs {@code script} with bash; returns bash's exit code and its combined output. */
  Result run(String script) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("seed-bridge");
    Path req = dir.resolve("req");
    Path done = dir.resolve("done");
    for (Path fifo : List.of(req, done)) {
      Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
      if (mk.waitFor() != 0) {
        throw new IOException("mkfifo failed");
      }
    }
    Path file = dir.resolve("seed.sh");
    Files.writeString(file, AZ_FUNCTION + script);
    Thread server = new Thread(() -> serve(dir, req, done), "seed-az-bridge");
    server.setDaemon(true);
    server.start();
    ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment().put("MOAT_BRIDGE", dir.toString());
    Process bash = pb.start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = bash.waitFor();
    Files.write(req, new byte[0]); // an empty request ends the bridge thread
    server.join();
    return new Result(code, output);
  }

  record Result(int exitCode, String output) {}

  private void serve(Path dir, Path req, Path done) {
    try {
      while (true) {
        byte[] raw = Files.readAllBytes(req);
        if (raw.length == 0) {
          return;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        String[] args = text.substring(0, text.length() - 1).split("\0", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
            MoatCli.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new Terminal() {
                  @Override
                  public boolean isInteractive() {
                    return true;
                  }

                  @Override
                  public String ask(String prompt) {
                    prompts.add(prompt);
                    return "y";
                  }
                });
        Files.write(dir.resolve("out"), out.toByteArray());
        Files.write(dir.resolve("err"), err.toByteArray());
        calls.add(
            new Call(
                Arrays.asList(args),
                code,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)));
        Files.writeString(done, code + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
