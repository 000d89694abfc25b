package dev.moat.kube.runtime;

import dev.moat.kube.kubelet.ImageRef;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node runtime for tests of the kube module alone: images in {@link #available} pull, others fail
 * with containerd's i/o timeout text. The real one (moat-nodes) is exercised by the server's
 * end-to-end tests.
 */
final class FakeNodeRuntime implements NodeRuntime {
  final Set<String> available = ConcurrentHashMap.newKeySet();
  final AtomicInteger pulls = new AtomicInteger();

  @Override
  public ImagePull pull(NodeSpec node, String image) {
    pulls.incrementAndGet();
    String ref = ImageRef.normalize(image);
    if (available.contains(image)) {
      String repo = ref.substring(0, ref.lastIndexOf(':'));
      return new ImagePull(
          PullResult.PULLED,
          ref,
          repo + "@sha256:" + "ab".repeat(32),
          1234567,
          "",
          Duration.ofMillis(1393));
    }
    return new ImagePull(
        PullResult.FAILED,
        ref,
        "",
        0,
        "failed to pull and unpack image \""
            + ref
            + "\": failed to resolve reference \""
            + ref
            + "\": failed to do request: Head \"https://registry-1.docker.io/v2/library/nginx/manifests/1.27\": dial tcp 52.1.2.3:443: i/o timeout",
        Duration.ofSeconds(30));
  }

  @Override
  public ProgramRun canipull(NodeSpec node, String acrFqdn) {
    return new ProgramRun(
        List.of(
            "[2026-12-04T12:00:00Z] Checking host name resolution (" + acrFqdn + "): SUCCEEDED",
            "[2026-12-04T12:00:00Z] Validating image pull permission: FAILED"),
        60);
  }
}
