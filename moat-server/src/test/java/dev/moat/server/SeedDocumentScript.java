package dev.moat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed document's shell blocks ({@code shell}, {@code azurecli}, {@code azurecli-interactive})
 * in document order, each with its zone pivot and the heading it sits under, and the bash script
 * that runs them as a reader would: the variables the document leaves to the reader, a distinct
 * cluster per section, a pre-existing cluster for the "update an existing cluster" sections, and a
 * second registry for {@code <New BYO ACR resource ID>}.
 */
final class SeedDocumentScript {
  static final Path SEED = Path.of("/work/shared/seed/network-isolated-aks.md");
  static final String NEW_ACR_PLACEHOLDER = "<New BYO ACR resource ID>";

  record Block(String zone, String heading, String code) {
    boolean usesAks() {
      return code.lines().anyMatch(l -> l.strip().matches("(\\w+=\\$\\()?az aks .*"));
    }
  }

  private SeedDocumentScript() {}

  static List<Block> blocks() {
    List<String> lines;
    try {
      lines = Files.readAllLines(SEED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    String zone = "";
    String heading = "";
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("::: zone pivot=")) {
        zone = l.replaceAll(".*pivot=\"([^\"]+)\".*", "$1");
      } else if (l.equals("::: zone-end")) {
        zone = "";
      } else if (l.startsWith("#")) {
        heading = l.replaceFirst("^#+\\s*", "");
      } else if (l.matches("```(shell|azurecli|azurecli-interactive)")) {
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
          code.append(lines.get(i).strip()).append('\n');
        }
        blocks.add(new Block(zone, heading, code.toString()));
      }
    }
    return blocks;
  }

  /** The cluster a block acts on: one per section, as if the reader followed each separately. */
  static String clusterFor(Block b) {
    boolean managed = b.zone().equals("aks-managed-acr");
    String h = b.heading().toLowerCase(Locale.ROOT);
    if (h.equals("private link-based")) {
      return managed ? "aks-managed-pl" : "aks-byo-pl";
    }
    if (h.equals("api server vnet integration")) {
      return managed ? "aks-managed-vni" : "aks-byo-vni";
    }
    if (h.startsWith("update an existing aks cluster")) {
      return managed ? "aks-managed-existing" : "aks-byo-existing";
    }
    return "aks-byo-pl"; // update ACR id, validate, disable: the BYO private-link cluster
  }

  static final String VARIABLES =
      """
      RESOURCE_GROUP=seed-rg
      LOCATION=eastus
      VNET_NAME=seed-vnet
      AKS_SUBNET_NAME=aks-subnet
      ACR_SUBNET_NAME=acr-subnet
      APISERVER_SUBNET_NAME=apiserver-subnet
      REGISTRY_NAME=moatseedacr
      CLUSTER_IDENTITY_NAME=seed-control-plane
      KUBELET_IDENTITY_NAME=seed-kubelet
      """;

  /** What the reader already has before a section: a group, an ordinary cluster, a new registry. */
  static String setupBefore(Block b, Block previous) {
    boolean firstOfSection =
        previous == null
            || !previous.heading().equals(b.heading())
            || !previous.zone().equals(b.zone());
    if (!firstOfSection) {
      return "";
    }
    String h = b.heading().toLowerCase(Locale.ROOT);
    if (b.zone().equals("aks-managed-acr") && h.equals("private link-based")) {
      return "az group create --name ${RESOURCE_GROUP} --location ${LOCATION} -o none\n";
    }
    if (h.startsWith("update an existing aks cluster")) {
      return b.zone().equals("aks-managed-acr")
          ? "az aks create --resource-group ${RESOURCE_GROUP} --name ${AKS_NAME}"
              + " --kubernetes-version 1.30.3 --network-plugin azure -o none\n"
          : "az aks create --resource-group ${RESOURCE_GROUP} --name ${AKS_NAME}"
              + " --kubernetes-version 1.30.3 --vnet-subnet-id ${SUBNET_ID}"
              + " --assign-identity ${CLUSTER_IDENTITY_RESOURCE_ID}"
              + " --assign-kubelet-identity ${KUBELET_IDENTITY_RESOURCE_ID}"
              + " --network-plugin azure --enable-private-cluster -o none\n";
    }
    if (h.equals("update your acr id")) {
      return "az acr create --resource-group ${RESOURCE_GROUP} --name ${REGISTRY_NAME}2 --sku"
          + " Premium --public-network-enabled false -o none\n"
          + "az acr cache create -n aks-managed-mcr -r ${REGISTRY_NAME}2 -g ${RESOURCE_GROUP}"
          + " --source-repo \"mcr.microsoft.com/*\" --target-repo \"aks-managed-repository/*\""
          + " -o none\n"
          + "NEW_REGISTRY_ID=$(az acr show --name ${REGISTRY_NAME}2 -g ${RESOURCE_GROUP} --query"
          + " 'id' --output tsv)\n"
          // A BYO registry needs the private plumbing of steps 4-6 before nodes can use it.
          + "az network private-endpoint create --name acr2PrivateEndpoint --resource-group"
          + " ${RESOURCE_GROUP} --vnet-name ${VNET_NAME} --subnet ${ACR_SUBNET_NAME}"
          + " --private-connection-resource-id ${NEW_REGISTRY_ID} --group-id registry"
          + " --connection-name acr2Connection -o none\n"
          + "NIC2=$(az network private-endpoint show --name acr2PrivateEndpoint --resource-group"
          + " ${RESOURCE_GROUP} --query 'networkInterfaces[0].id' --output tsv)\n"
          + "IP2=$(az network nic show --ids ${NIC2} --query"
          + " \"ipConfigurations[?privateLinkConnectionProperties.requiredMemberName=='registry']"
          + ".privateIPAddress\" --output tsv)\n"
          + "DATA2=$(az network nic show --ids ${NIC2} --query"
          + " \"ipConfigurations[?privateLinkConnectionProperties.requiredMemberName=="
          + "'registry_data_${LOCATION}'].privateIPAddress\" --output tsv)\n"
          + "az network private-dns record-set a add-record --record-set-name ${REGISTRY_NAME}2"
          + " --zone-name privatelink.azurecr.io --resource-group ${RESOURCE_GROUP}"
          + " --ipv4-address ${IP2} -o none\n"
          + "az network private-dns record-set a add-record --record-set-name"
          + " ${REGISTRY_NAME}2.${LOCATION}.data --zone-name privatelink.azurecr.io"
          + " --resource-group ${RESOURCE_GROUP} --ipv4-address ${DATA2} -o none\n"
          + "az role assignment create --role AcrPull --scope ${NEW_REGISTRY_ID}"
          + " --assignee-object-id ${KUBELET_IDENTITY_PRINCIPAL_ID}"
          + " --assignee-principal-type ServicePrincipal -o none\n";
    }
    return "";
  }

  /** The bash script for {@code blocks}: {@code set -e}, so the first failing command stops it. */
  static String script(List<Block> blocks) {
    StringBuilder s = new StringBuilder("set -euo pipefail\n").append(VARIABLES);
    Block previous = null;
    for (Block b : blocks) {
      s.append("\n# --- ").append(b.zone()).append(" / ").append(b.heading()).append('\n');
      s.append("AKS_NAME=").append(clusterFor(b)).append('\n');
      s.append(setupBefore(b, previous));
      s.append(b.code().replace(NEW_ACR_PLACEHOLDER, "${NEW_REGISTRY_ID}"));
      previous = b;
    }
    return s.toString();
  }
}
