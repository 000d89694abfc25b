package dev.moat.kube;

import dev.moat.arm.auth.Principal;
import dev.moat.platform.id.ResourceId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs {@code kubectl ...} against a cluster's API from "inside" it: a temporary kubeconfig that
 * names the API under Moat's listener with a cluster token for the caller. The command line is
 * split on white space and must start with {@code kubectl}; nothing goes through a shell.
 */
public final class KubectlRunner {
  private final ClusterTokens tokens;
  private final String caPem;
  private final Function<ResourceId, String> apiKey;
  private final String kubectl;

  /**
   * @param apiKey the API path key of a cluster (see the cluster provider)
   * @param kubectl the kubectl binary to run
   */
  public KubectlRunner(
      ClusterTokens tokens, String caPem, Function<ResourceId, String> apiKey, String kubectl) {
    this.tokens = tokens;
    this.caPem = caPem;
    this.apiKey = apiKey;
    this.kubectl = kubectl;
  }

  /** What a command printed (stdout and stderr interleaved) and its exit code. */
  public record Result(int exitCode, String output) {}

  public Result run(ResourceId cluster, Principal caller, String command, String moatEndpoint) {
    List<String> words = Arrays.asList(command.trim().split("\\s+"));
    if (!words.get(0).equals("kubectl")) {
      return new Result(
          127,
          "bash: "
              + words.get(0)
              + ": command not supported by Moat's command invoke (only kubectl)\n");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("moat-invoke");
      Path ca = dir.resolve("ca.pem");
      Files.writeString(ca, caPem);
      String token = tokens.issue(caller, cluster, "clusterUser", Duration.ofMinutes(10));
      Path config = dir.resolve("kubeconfig");
      Files.writeString(
          config,
          "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: "
              + moatEndpoint
              + dev.moat.kube.api.KubeApiHandler.PREFIX
              + apiKey.apply(cluster)
              + "\n    certificate-authority: "
              + ca
              + "\nusers:\n- name: u\n  user:\n    token: "
              + token
              + "\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\n");
      List<String> argv = new ArrayList<>();
      argv.add(kubectl);
      argv.add("--kubeconfig=" + config);
      argv.add("--cache-dir=" + dir.resolve("cache"));
      argv.addAll(words.subList(1, words.size()));
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      if (!p.waitFor(RunCommandProvider.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(124, "command timed out\n");
      }
      return new Result(
          p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(127, "kubectl: " + e.getMessage() + "\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(130, "interrupted\n");
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temp dir is harmless
    }
  }
}
