package dev.moat.containerservice.service;

import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.kube.KubeApiService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * {@code listClusterUserCredential} / {@code listClusterAdminCredential}: a kubeconfig whose server
 * is {@code https://<fqdn>:443} (the private FQDN for private clusters) and whose user holds a
 * token Moat signs for the caller, naming the cluster and role, which Moat's API server verifies.
 */
public final class Kubeconfigs {
  /** The AKS AAD server application id, the audience of cluster tokens. */
  static final String AUDIENCE = "6dae42f8-4368-4678-94ff-3960e28e3630";

  private final TokenService tokens;
  private final String caPem;

  public Kubeconfigs(TokenService tokens, String caPem) {
    this.tokens = tokens;
    this.caPem = caPem;
  }

  /**
   * The base64 kubeconfig; {@code role} is {@code clusterUser} or {@code clusterAdmin}. A public
   * cluster's API is served by Moat under {@code {moatEndpoint}/moat/kube/{key}} (its FQDN does not
   * resolve on the host); a private cluster's kubeconfig names its private FQDN, which resolves
   * only inside the VNet, as on Azure.
   */
  public String kubeconfig(ManagedCluster c, Principal caller, String role, String moatEndpoint) {
    String server =
        c.privateFqdn() != null
            ? "https://" + c.privateFqdn() + ":443"
            : moatEndpoint + KubeApiService.PREFIX + ClusterKubeApi.key(c.id());
    String user = role + "_" + c.id().resourceGroup().orElse("") + "_" + c.id().name();
    String token =
        tokens
            .issue(
                caller,
                AUDIENCE,
                Duration.ofDays(365),
                Map.of("moat_cluster", c.id().toString(), "moat_role", role))
            .value();
    String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8));
    String yaml =
        "apiVersion: v1\n"
            + "kind: Config\n"
            + "clusters:\n"
            + "- cluster:\n"
            + "    certificate-authority-data: "
            + ca
            + "\n"
            + "    server: "
            + server
            + "\n"
            + "  name: "
            + c.id().name()
            + "\n"
            + "contexts:\n"
            + "- context:\n"
            + "    cluster: "
            + c.id().name()
            + "\n"
            + "    user: "
            + user
            + "\n"
            + "  name: "
            + c.id().name()
            + "\n"
            + "current-context: "
            + c.id().name()
            + "\n"
            + "preferences: {}\n"
            + "users:\n"
            + "- name: "
            + user
            + "\n"
            + "  user:\n"
            + "    token: "
            + token
            + "\n";
    return Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8));
  }
}
