package dev.moat.kube.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.kube.KubeCluster;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.testing.TestMoat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Moat server in-process whose only service is the Kubernetes API of one cluster ({@code k1}),
 * with a kubeconfig for the real kubectl.
 */
final class KubeApiFixture implements AutoCloseable {
  static final String TOKEN = "cluster-token";
  static final String KUBECTL = "/usr/bin/kubectl";

  final TestMoat moat;
  final Path dir;
  final Path kubeconfig;
  private final AtomicReference<JdbcKubeStore> store = new AtomicReference<>();

  KubeApiFixture(Path dir) throws IOException {
    this.dir = dir;
    KubeCluster cluster = new KubeCluster("c1", "v1.32.4", List.of(), List.of());
    this.moat =
        TestMoat.start(
            c -> {
              JdbcKubeStore s = new JdbcKubeStore(c.database(), c.clock());
              store.set(s);
              KubeApiHandler handler =
                  new KubeApiHandler(
                      (key, token) ->
                          key.equals("k1") && token.equals(TOKEN)
                              ? Optional.of(cluster)
                              : Optional.empty(),
                      s,
                      c.clock());
              return new ProviderAssembler.Assembly(
                  List.of(), List.of(), List.of(s), List.of(handler), List.of());
            });
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, moat.runtime().caPem());
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c1\n  cluster:\n    server: "
            + moat.endpoint()
            + "/moat/kube/k1\n    certificate-authority: "
            + ca
            + "\nusers:\n- name: u\n  user:\n    token: "
            + TOKEN
            + "\ncontexts:\n- name: c1\n  context:\n    cluster: c1\n    user: u\n"
            + "current-context: c1\n");
  }

  static boolean kubectlPresent() {
    return Files.isExecutable(Path.of(KUBECTL));
  }

  ClusterObjects objects() {
    return store.get().cluster("k1");
  }

  /** The result of one kubectl run. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  List<String> command(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                KUBECTL,
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    return command;
  }

  Run run(String stdin, String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(args)).start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    AtomicReference<String> err = new AtomicReference<>("");
    Thread errReader = new Thread(() -> err.set(read(p.getErrorStream())));
    errReader.start();
    String out = read(p.getInputStream());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl finished").isTrue();
    errReader.join();
    return new Run(p.exitValue(), out, err.get());
  }

  /** Runs kubectl and expects success; returns stdout. */
  String ok(String... args) throws IOException, InterruptedException {
    Run r = run(null, args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r.out();
  }

  /** Runs kubectl with a manifest on stdin ({@code -f -}). */
  Run withStdin(String stdin, String... args) throws IOException, InterruptedException {
    return run(stdin, args);
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    moat.close();
  }
}
