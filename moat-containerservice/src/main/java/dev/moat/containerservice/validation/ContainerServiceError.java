package dev.moat.containerservice.validation;

import dev.moat.platform.error.ArmErrorCode;
import dev.moat.platform.error.ErrorCode;

/**
 * Errors of the managed-cluster API with AKS's codes. Messages marked [EMU] are Moat's wording
 * where Azure publishes none (aks-behavior.md §10 G2); the others are quoted from the cited source.
 */
public final class ContainerServiceError {
  /** Observed in hashicorp/terraform-provider-azurerm PR #29808 (NI2). */
  public static final ArmErrorCode OUTBOUND_NEEDS_CACHE =
      new ErrorCode(
          400,
          "InvalidNetworkIsolatedClusterConfiguration",
          "When outbound type is none or block, bootstrapProfile.artifactSource must be 'Cache'");

  /** [EMU] NI3 under the 2026 two-phase rule (terraform PR #32598; text unpublished). */
  public static final ArmErrorCode ONE_STEP_ENABLE =
      new ErrorCode(
          400,
          "InvalidNetworkIsolatedClusterConfiguration",
          "Changing bootstrapProfile.artifactSource to 'Cache' and outbound type to '%s' in one"
              + " operation is not allowed. Switch the artifact source to 'Cache' first, reimage all node"
              + " pools, then change the outbound type.");

  /** [EMU] NI8: network isolation needs Kubernetes 1.30 or later. */
  public static final ArmErrorCode VERSION_TOO_OLD =
      new ErrorCode(
          400,
          "InvalidNetworkIsolatedClusterConfiguration",
          "Network isolated cluster (bootstrapProfile.artifactSource 'Cache') requires Kubernetes"
              + " version 1.30 or higher, but the requested version is '%s'.");

  /** [EMU] §9: only NodeImage and None node OS upgrade channels. */
  public static final ArmErrorCode UNSUPPORTED_CHANNEL =
      new ErrorCode(
          400,
          "InvalidNetworkIsolatedClusterConfiguration",
          "Node OS upgrade channel '%s' is not supported for network isolated clusters. Only 'NodeImage'"
              + " and 'None' are supported.");

  /** [EMU] §9 / NODE9: Windows pools are not supported. */
  public static final ArmErrorCode WINDOWS_POOL =
      new ErrorCode(
          400,
          "InvalidNetworkIsolatedClusterConfiguration",
          "Agent pool '%s' has osType 'Windows': Windows node pools are not supported for network"
              + " isolated clusters.");

  /** Reported in MicrosoftDocs/azure-aks-docs#184 (NI4). */
  public static final ArmErrorCode CACHE_TO_DIRECT =
      new ErrorCode(
          400,
          "BootstrapArtifactSourceNotAllowed",
          "BootstrapProfile artifact source cannot be changed from 'Cache' to 'Direct'");

  /** Azure/AKS#5821 (NI5). */
  public static final ArmErrorCode SERVICE_PRINCIPAL_CACHE =
      new ErrorCode(
          400,
          "BootstrapArtifactSourceNotAllowed",
          "When feature \"ServicePrincipalCluster\" is enabled, bootstrapProfile.artifactSource 'Cache'"
              + " is not allowed");

  /** [EMU] the CLI's CLI4 rule, enforced by the RP for other clients. */
  public static final ArmErrorCode REGISTRY_WITHOUT_CACHE =
      new ErrorCode(
          400,
          "InvalidParameter",
          "bootstrapProfile.containerRegistryId can only be specified when"
              + " bootstrapProfile.artifactSource is 'Cache'.");

  /** [EMU] BYO1. */
  public static final ArmErrorCode REGISTRY_NOT_FOUND =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The container registry '%s' specified in bootstrapProfile.containerRegistryId was not found.");

  /** [EMU] BYO1 (spec: "must have private network access, premium SKU"). */
  public static final ArmErrorCode REGISTRY_NOT_PREMIUM =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The container registry '%s' specified in bootstrapProfile.containerRegistryId has SKU '%s';"
              + " a network isolated cluster requires a Premium registry.");

  /** [EMU] OUT3 per outbound-type-migrations.json. */
  public static final ArmErrorCode OUTBOUND_MIGRATION =
      new ErrorCode(
          400,
          "InvalidParameter",
          "Updating outbound type from '%s' to '%s' is not supported for a cluster with %s. See"
              + " https://learn.microsoft.com/en-us/azure/aks/egress-outboundtype#updating-outboundtype-after-cluster-creation");

  /** [EMU] VNI2. */
  public static final ArmErrorCode VNI_SUBNET_REQUIRED =
      new ErrorCode(
          400,
          "InvalidParameter",
          "apiServerAccessProfile.subnetId must be specified when API Server VNet Integration is"
              + " enabled on a cluster with a custom virtual network.");

  /** [EMU] a referenced subnet does not exist. */
  public static final ArmErrorCode SUBNET_NOT_FOUND =
      new ErrorCode(400, "InvalidParameter", "The subnet '%s' referenced by %s was not found.");

  /** [EMU] VNI2. */
  public static final ArmErrorCode SUBNET_NOT_DELEGATED =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The API server subnet '%s' must be delegated to Microsoft.ContainerService/managedClusters.");

  /** Code observed on AKS (rancher/rancher#20784); [EMU] message. */
  public static final ArmErrorCode SUBNET_TOO_SMALL =
      new ErrorCode(
          400,
          "InsufficientSubnetSize",
          "The API server subnet '%s' has prefix '%s'; API Server VNet Integration requires at least a"
              + " /28 subnet.");

  /** Quoted in MicrosoftDocs/azure-docs#69774. */
  public static final ArmErrorCode NODE_SUBNET_DELEGATED =
      new ErrorCode(
          400,
          "SubnetIsDelegated",
          "AgentPoolProfile.VnetSubnetID %s cannot be used as it's a delegated subnet. Please check"
              + " https://aka.ms/adv-network-prerequest for more details.");

  /** ARM's linked-authorization wording, for the control-plane identity on a subnet (VNI2). */
  public static final ArmErrorCode LINKED_AUTHORIZATION_FAILED =
      new ErrorCode(
          403,
          "LinkedAuthorizationFailed",
          "The client '%s' with object id '%s' has permission to perform action"
              + " 'Microsoft.ContainerService/managedClusters/write' on scope '%s'; however, it does"
              + " not have permission to perform action '%s' on the linked scope(s) '%s' or the linked"
              + " scope(s) are invalid.");

  /** [EMU] CLI10's rule, enforced by the RP. */
  public static final ArmErrorCode KUBELET_NEEDS_USER_ASSIGNED =
      new ErrorCode(
          400,
          "InvalidParameter",
          "identityProfile.kubeletidentity can only be specified when the cluster uses a user-assigned"
              + " control plane identity (identity.type 'UserAssigned').");

  /** [EMU] a referenced managed identity does not exist. */
  public static final ArmErrorCode IDENTITY_NOT_FOUND =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The user assigned identity '%s' referenced by %s was not found.");

  /** AKS's wording for unknown versions. */
  public static final ArmErrorCode VERSION_NOT_SUPPORTED =
      new ErrorCode(
          400,
          "K8sVersionNotSupported",
          "Version %s is not supported in this region. Please use [az aks get-versions] command to get"
              + " the supported version list in this region. For more information, please check"
              + " https://aka.ms/supported-version-list");

  /** AKS's wording (aka.ms/aks-naming-rules). */
  public static final ArmErrorCode INVALID_POOL_NAME =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The value of parameter agentPoolProfile.name is invalid. Please see"
              + " https://aka.ms/aks-naming-rules for more details.");

  public static final ArmErrorCode INVALID_CLUSTER_NAME =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The value of parameter resourceName is invalid. Please see https://aka.ms/aks-naming-rules"
              + " for more details.");
  public static final ArmErrorCode INVALID_PARAMETER = new ErrorCode(400, "InvalidParameter", "%s");

  /** AKS's wording (aka.ms/aks-naming-rules), with what the rule asks for appended. */
  public static final ArmErrorCode INVALID_VALUE =
      new ErrorCode(
          400,
          "InvalidParameter",
          "The value of parameter %s is invalid: %s. Please see https://aka.ms/aks-naming-rules for"
              + " more details.");

  /** AKS's answer to a cluster whose pools are all User pools. */
  public static final ArmErrorCode NO_SYSTEM_POOL =
      new ErrorCode(400, "MustDefineAtLeastOneSystemPool", "Must define at least one system pool.");

  /** AKS answers a change of a create-only property so. */
  public static final ArmErrorCode PROPERTY_CHANGE =
      new ErrorCode(400, "PropertyChangeNotAllowed", "Changing property '%s' is not allowed.");

  /** [EMU] a second operation while one runs (AKS: OperationNotAllowed). */
  public static final ArmErrorCode OPERATION_IN_PROGRESS =
      new ErrorCode(
          409,
          "OperationNotAllowed",
          "Operation is not allowed because there's an in progress %s operation on %s. Please wait for"
              + " it to finish before starting a new operation.");

  /** The last agent pool of mode System cannot go. */
  public static final ArmErrorCode LAST_SYSTEM_POOL =
      new ErrorCode(400, "OperationNotAllowed", "There has to be at least one system agent pool.");

  /** Node provisioning failure, shaped as AKS reports a failed CSE (error-catalog E-NODE-*). */
  public static final ArmErrorCode NODE_PROVISIONING =
      new ErrorCode(
          400,
          "VMExtensionProvisioningError",
          "Unable to provision node %s: VM has reported a failure when processing extension 'vmssCSE'"
              + " (publisher 'Microsoft.Azure.Extensions' and type 'CustomScript'). Error message:"
              + " \"Enable failed: failed to execute command: command terminated with exit status=%d\""
              + " (%s). %s");

  private ContainerServiceError() {}
}
