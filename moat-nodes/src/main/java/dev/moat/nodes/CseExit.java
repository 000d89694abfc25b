package dev.moat.nodes;

/**
 * The provisioning-script exit codes AKS reports when a node fails to bootstrap (AgentBaker's
 * {@code cse_helpers.sh}; Moat's reference error catalog entry E-NODE-CSE-CODES).
 */
enum CseExit {
  ORAS_DOWNLOAD_ERROR(45, "ERR_ORAS_DOWNLOAD_ERROR"),
  OUTBOUND_CONN_FAIL(50, "ERR_OUTBOUND_CONN_FAIL"),
  ORAS_PULL_K8S_FAIL(207, "ERR_ORAS_PULL_K8S_FAIL"),
  ORAS_PULL_CREDENTIAL_PROVIDER(208, "ERR_ORAS_PULL_CREDENTIAL_PROVIDER"),
  ORAS_IMDS_TIMEOUT(210, "ERR_ORAS_IMDS_TIMEOUT"),
  ORAS_PULL_NETWORK_TIMEOUT(211, "ERR_ORAS_PULL_NETWORK_TIMEOUT"),
  ORAS_PULL_UNAUTHORIZED(212, "ERR_ORAS_PULL_UNAUTHORIZED"),
  PULL_POD_INFRA_CONTAINER_IMAGE(233, "ERR_PULL_POD_INFRA_CONTAINER_IMAGE");

  final int code;
  final String exitName;

  CseExit(int code, String exitName) {
    this.code = code;
    this.exitName = exitName;
  }
}
