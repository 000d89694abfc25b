package dev.moat.kube.api;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTest {
  @TempDir Path dir;

  @Test
  void probe() throws Exception {
    try (KubeApiFixture kube = new KubeApiFixture(dir)) {
      KubeApiFixture.Run r =
          kube.run(null, "-v=8", "create", "configmap", "x", "--from-literal=a=b");
      System.out.println("PROBE " + r.all());
    }
  }
}
