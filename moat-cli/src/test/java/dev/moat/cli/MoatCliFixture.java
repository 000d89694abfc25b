package dev.moat.cli;

import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.resources.ResourcesProvider;
import dev.moat.testing.TestMoat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-process Moat (resource groups only, for now) plus a {@code MOAT_HOME} holding its endpoint
 * and CA, and a way to run the CLI against it as a user would.
 */
final class MoatCliFixture implements AutoCloseable {
  final TestMoat moat;
  final Path home;

  private MoatCliFixture(TestMoat moat, Path home) {
    this.moat = moat;
    this.home = home;
  }

  static MoatCliFixture start() {
    TestMoat moat = TestMoat.start(c -> ProviderAssembler.Assembly.of(new ResourcesProvider(c)));
    try {
      Path home = Files.createTempDirectory("moat-cli-home");
      Files.writeString(home.resolve("endpoint"), moat.endpoint() + "\n");
      Files.writeString(home.resolve("ca.pem"), moat.runtime().caPem());
      return new MoatCliFixture(moat, home);
    } catch (IOException e) {
      moat.close();
      throw new UncheckedIOException(e);
    }
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("MOAT_HOME", home.toString());
    return env;
  }

  CliRun run(String... args) {
    return run(env(), args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MoatCli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    moat.close();
  }
}
