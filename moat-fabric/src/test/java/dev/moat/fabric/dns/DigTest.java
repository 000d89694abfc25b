package dev.moat.fabric.dns;

import static dev.moat.fabric.SeedTopology.REGISTRY_IP;
import static dev.moat.fabric.SeedTopology.VNET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.fabric.EgressPolicies;
import dev.moat.fabric.NetworkFabric;
import dev.moat.fabric.SeedTopology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a developer sees with {@code dig @127.0.0.1 -p PORT}; skipped when dig is not installed. */
class DigTest {
  private static final Path DIG = Path.of("/usr/bin/dig");

  @BeforeEach
  void requireDig() {
    if (!Files.isExecutable(DIG)) {
      String reason = "skipping dig tests: " + DIG + " is not installed (apt-get install dnsutils)";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
  }

  private static String dig(InetSocketAddress server, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                DIG.toString(),
                "@" + server.getAddress().getHostAddress(),
                "-p",
                String.valueOf(server.getPort()),
                "+time=3",
                "+tries=1"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void digShowsTheCnameChainAndThePrivateAddressAndNxdomain() throws Exception {
    SeedTopology topology = new SeedTopology();
    try (NetworkFabric fabric =
        new NetworkFabric(
                topology, topology, List.of(topology), EgressPolicies.none(), Clock.systemUTC())
            .start()) {
      InetSocketAddress server = fabric.dnsServer(VNET).orElseThrow();

      String ok = dig(server, "myacr.azurecr.io");
      assertThat(ok).contains("status: NOERROR");
      assertThat(ok)
          .containsPattern(
              "myacr\\.azurecr\\.io\\.\\s+60\\s+IN\\s+CNAME\\s+myacr\\.privatelink\\.azurecr\\.io\\.");
      assertThat(ok)
          .containsPattern(
              "myacr\\.privatelink\\.azurecr\\.io\\.\\s+3600\\s+IN\\s+A\\s+"
                  + REGISTRY_IP.replace(".", "\\."));

      assertThat(dig(server, "+tcp", "myacr.azurecr.io")).contains(REGISTRY_IP);

      String missing = dig(server, "nope.privatelink.azurecr.io");
      assertThat(missing).contains("status: NXDOMAIN");
      assertThat(missing).contains("SOA");
    }
  }
}
