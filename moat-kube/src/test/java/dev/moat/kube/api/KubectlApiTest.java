package dev.moat.kube.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.api.KubeApiFixture.Run;
import dev.moat.kube.store.Kinds;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl 1.32 against the writable API of one cluster. */
class KubectlApiTest {
  @TempDir static Path dir;
  private static KubeApiFixture kube;

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: default
        labels:
          app: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:IMAGE
              ports:
              - containerPort: 80
      """;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        KubeApiFixture.kubectlPresent(), "kubectl not installed at /usr/bin/kubectl");
    kube = new KubeApiFixture(dir);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
  }

  @Test
  void applyCreatesConfiguresAndLeavesUnchanged() throws Exception {
    Run created = kube.withStdin(DEPLOYMENT.replace("IMAGE", "1.27"), "apply", "-f", "-");
    assertThat(created.all()).contains("deployment.apps/web created");
    Run unchanged = kube.withStdin(DEPLOYMENT.replace("IMAGE", "1.27"), "apply", "-f", "-");
    assertThat(unchanged.all()).contains("deployment.apps/web unchanged");
    Run configured = kube.withStdin(DEPLOYMENT.replace("IMAGE", "1.28"), "apply", "-f", "-");
    assertThat(configured.all()).contains("deployment.apps/web configured");
    assertThat(
            kube.ok(
                "get",
                "deployment",
                "web",
                "-o",
                "jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation} {.spec.template.spec.containers[0].ports[0].containerPort}"))
        .isEqualTo("nginx:1.28 2 80");
    // set image: a strategic merge patch on containers by name
    assertThat(kube.ok("set", "image", "deployment/web", "nginx=nginx:1.29"))
        .contains("deployment.apps/web image updated");
    assertThat(
            kube.ok(
                "get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].image}"))
        .isEqualTo("nginx:1.29");
    assertThat(kube.ok("scale", "deployment", "web", "--replicas=5"))
        .contains("deployment.apps/web scaled");
    assertThat(kube.ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("5");
    String table = kube.ok("get", "deploy", "web", "-o", "wide");
    assertThat(table)
        .contains(
            "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR");
    assertThat(table).contains("0/5", "nginx:1.29", "app=web");
  }

  @Test
  void serverSideApplyCreatesThenMerges() throws Exception {
    String cm =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ssa
          namespace: default
        data:
          a: "1"
        """;
    assertThat(kube.withStdin(cm, "apply", "--server-side", "-f", "-").all())
        .contains("configmap/ssa serverside-applied");
    assertThat(
            kube.withStdin(cm.replace("\"1\"", "\"2\""), "apply", "--server-side", "-f", "-").all())
        .contains("configmap/ssa serverside-applied");
    assertThat(
            kube.ok(
                "get",
                "cm",
                "ssa",
                "-o",
                "jsonpath={.data.a} {.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"))
        .isEqualTo("2 kubectl Apply");
  }

  @Test
  void createRunGetAndSelectors() throws Exception {
    assertThat(kube.ok("create", "namespace", "team")).contains("namespace/team created");
    assertThat(kube.ok("create", "configmap", "cfg", "-n", "team", "--from-literal=k=v"))
        .contains("configmap/cfg created");
    assertThat(kube.ok("create", "secret", "generic", "s1", "-n", "team", "--from-literal=p=q"))
        .contains("secret/s1 created");
    assertThat(
            kube.ok(
                "create", "deployment", "api", "-n", "team", "--image=nginx:1.27", "--replicas=2"))
        .contains("deployment.apps/api created");
    assertThat(kube.ok("run", "solo", "-n", "team", "--image=busybox:1.36", "--labels=tier=one"))
        .contains("pod/solo created");

    String pods = kube.ok("get", "pods", "-A");
    assertThat(pods).contains("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(pods).containsPattern("team\\s+solo\\s+0/1\\s+Pending\\s+0\\s+\\d+s");
    String wide = kube.ok("get", "pods", "-n", "team", "-o", "wide");
    assertThat(wide).contains("IP", "NODE", "NOMINATED NODE", "READINESS GATES", "<none>");
    assertThat(kube.ok("get", "pods", "-n", "team", "-l", "tier=one", "-o", "name"))
        .isEqualTo("pod/solo\n");
    assertThat(kube.ok("get", "pods", "-n", "team", "-l", "tier notin (one)", "-o", "name"))
        .isEmpty();
    assertThat(
            kube.ok(
                "get",
                "pods",
                "-n",
                "team",
                "--field-selector",
                "status.phase=Pending",
                "-o",
                "name"))
        .isEqualTo("pod/solo\n");
    assertThat(
            kube.ok(
                "get",
                "pods",
                "-n",
                "team",
                "--field-selector",
                "metadata.name!=solo",
                "-o",
                "name"))
        .isEmpty();
    assertThat(kube.ok("get", "pod", "solo", "-n", "team", "-o", "yaml"))
        .contains(
            "restartPolicy: Always", "dnsPolicy: ClusterFirst", "schedulerName: default-scheduler");
    assertThat(kube.ok("get", "pod", "solo", "-n", "team", "-o", "json"))
        .contains("\"kind\": \"Pod\"");
    String namespaces = kube.ok("get", "ns");
    assertThat(namespaces).containsPattern("team\\s+Active\\s+\\d+s");
    assertThat(kube.ok("get", "cm,secret", "-n", "team"))
        .contains("configmap/cfg", "secret/s1", "Opaque");
    assertThat(kube.ok("describe", "pod", "solo", "-n", "team"))
        .contains("Name:", "solo", "busybox:1.36", "Events:");
    assertThat(kube.ok("describe", "deployment", "api", "-n", "team"))
        .contains("RollingUpdateStrategy:  25% max unavailable, 25% max surge");
  }

  @Test
  void errorsCarryKubernetesStatus() throws Exception {
    kube.ok("create", "configmap", "dup");
    Run dup = kube.run(null, "create", "configmap", "dup");
    assertThat(dup.exit()).isNotZero();
    assertThat(dup.err()).contains("configmaps \"dup\" already exists");

    Run invalid =
        kube.withStdin(
            DEPLOYMENT
                .replace("IMAGE", "1.27")
                .replace("name: web\n", "name: mismatched\n")
                .replace("matchLabels:\n      app: web", "matchLabels:\n      app: other"),
            "apply",
            "-f",
            "-");
    assertThat(invalid.exit()).isNotZero();
    assertThat(invalid.err())
        .contains(
            "is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");

    Run unknown =
        kube.withStdin(
            """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: strict
        data:
          a: b
        bogus: 1
        """,
            "apply",
            "-f",
            "-");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).contains("strict decoding error: unknown field \"bogus\"");

    Run missingNs = kube.run(null, "create", "configmap", "x", "-n", "nowhere");
    assertThat(missingNs.err()).contains("namespaces \"nowhere\" not found");

    String rv = kube.ok("get", "cm", "dup", "-o", "jsonpath={.metadata.resourceVersion}");
    kube.ok("label", "cm", "dup", "touched=yes");
    Run stale =
        kube.withStdin(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  namespace: default\n  resourceVersion: \""
                + rv
                + "\"\ndata:\n  z: z\n",
            "replace",
            "-f",
            "-");
    assertThat(stale.exit()).isNotZero();
    assertThat(stale.err())
        .contains("Error from server (Conflict)", "the object has been modified");
  }

  @Test
  void deleteCascadesToOwnedObjectsAndWaits() throws Exception {
    kube.ok("create", "deployment", "cascade", "--image=nginx:1.27");
    String uid = kube.ok("get", "deploy", "cascade", "-o", "jsonpath={.metadata.uid}");
    kube.withStdin(
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: cascade-abc\n  ownerReferences:\n  - apiVersion: apps/v1\n    kind: Deployment\n    name: cascade\n    uid: "
            + uid
            + "\n    controller: true\nspec:\n  selector:\n    matchLabels:\n      app: cascade\n  template:\n    metadata:\n      labels:\n        app: cascade\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n",
        "create",
        "-f",
        "-");
    assertThat(kube.ok("get", "rs", "cascade-abc", "-o", "name"))
        .isEqualTo("replicaset.apps/cascade-abc\n");
    assertThat(kube.ok("delete", "deployment", "cascade"))
        .contains("deployment.apps \"cascade\" deleted");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> kube.objects().get(Kinds.REPLICA_SETS, "default", "cascade-abc").isEmpty());

    kube.ok("create", "configmap", "bye");
    String manifest =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bye\n  namespace: default\n";
    assertThat(kube.withStdin(manifest, "delete", "-f", "-", "--wait=true").all())
        .contains("configmap \"bye\" deleted");
    assertThat(kube.run(null, "get", "cm", "bye").err()).contains("NotFound");
  }

  @Test
  void watchStreamsEvents() throws Exception {
    Process p =
        new ProcessBuilder(kube.command("get", "configmaps", "-w", "-n", "default"))
            .redirectErrorStream(true)
            .start();
    AtomicReference<String> seen = new AtomicReference<>("");
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                  String chunk = new String(buf, 0, n, StandardCharsets.UTF_8);
                  seen.updateAndGet(s -> s + chunk);
                }
              } catch (java.io.IOException e) {
                // process ended
              }
            });
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> seen.get().contains("NAME"));
      kube.ok("create", "configmap", "watched", "--from-literal=a=b");
      await().atMost(Duration.ofSeconds(60)).until(() -> seen.get().contains("watched"));
      assertThat(seen.get()).containsPattern("watched\\s+1\\s+\\d+s");
    } finally {
      p.destroy();
      reader.join(10_000);
    }
  }

  @Test
  void logsOfAContainerThatNeverStarted() throws Exception {
    kube.ok("run", "pending", "--image=nginx:1.27");
    kube.objects()
        .modify(
            Kinds.PODS,
            "default",
            "pending",
            false,
            p -> {
              p.getSpec().setNodeName("node-1");
              return p;
            });
    kube.objects()
        .modify(
            Kinds.PODS,
            "default",
            "pending",
            true,
            p -> {
              p.getStatus()
                  .setContainerStatuses(
                      java.util.List.of(
                          new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                              .withName("pending")
                              .withImage("nginx:1.27")
                              .withReady(false)
                              .withRestartCount(0)
                              .withNewState()
                              .withNewWaiting()
                              .withReason("ImagePullBackOff")
                              .endWaiting()
                              .endState()
                              .build()));
              return p;
            });
    Run logs = kube.run(null, "logs", "pending");
    assertThat(logs.err())
        .contains(
            "container \"pending\" in pod \"pending\" is waiting to start: trying and failing to pull image");
    assertThat(kube.ok("get", "pod", "pending"))
        .containsPattern("pending\\s+0/1\\s+ImagePullBackOff\\s+0");
  }

  @Test
  void namespaceDeletionRemovesItsObjects() throws Exception {
    kube.ok("create", "namespace", "doomed");
    kube.ok("create", "configmap", "inside", "-n", "doomed");
    assertThat(kube.ok("delete", "namespace", "doomed", "--wait=true"))
        .contains("namespace \"doomed\" deleted");
    assertThat(kube.objects().get(Kinds.CONFIG_MAPS, "doomed", "inside")).isEmpty();
    assertThat(kube.run(null, "get", "ns", "doomed").err())
        .contains("namespaces \"doomed\" not found");
  }
}
