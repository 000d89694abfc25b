package dev.moat.containerservice.service;

import dev.moat.arm.auth.Principal;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.kube.ClusterTokens;
import dev.moat.kube.api.KubeApiHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code listClusterUserCredential} / {@code listClusterAdminCredential}: a kubeconfig whose server
 * is {@code https://<fqdn>:443} (the private FQDN for private clusters) and whose user holds a
 * token Moat signs for the caller, naming the cluster and role, which Moat's API server verifies.
 */
public final class Kubeconfigs {
  private final ClusterTokens tokens;
  private final String caPem;

  public Kubeconfigs(ClusterTokens tokens, String caPem) {
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
            : moatEndpoint + KubeApiHandler.PREFIX + ClusterKubeApi.key(c.id());
    String user = role + "_" + c.id().resourceGroup().orElse("") + "_" + c.id().name();
    String token = tokens.issue(caller, c.id(), role, Duration.ofDays(365));
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
