package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.Choices;
import dev.moat.cli.commands.Flags;
import dev.moat.cli.commands.Target;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The subnet options of {@code network vnet subnet create/update} beyond prefixes, delegations and
 * PE policies, as az's {@code VNetSubnetCreate} sends them: references by name or id, service
 * endpoints, PLS policies and the legacy {@code --disable-*} spellings. {@code null} or {@code ""}
 * detaches a reference on update.
 */
final class SubnetExtras {
  @Option(
      names = {"--network-security-group", "--nsg"},
      description = "Name or ID of a network security group.")
  String nsg;

  @Option(names = "--route-table", description = "Name or ID of a route table.")
  String routeTable;

  @Option(names = "--nat-gateway", description = "Name or ID of a NAT gateway.")
  String natGateway;

  @Option(
      names = "--service-endpoints",
      arity = "1..*",
      description =
          "Space-separated list of services allowed private access, e.g. Microsoft.Storage.")
  List<String> serviceEndpoints;

  @Option(
      names = "--service-endpoint-policy",
      arity = "1..*",
      description = "Space-separated list of service endpoint policy ids.")
  List<String> endpointPolicies;

  @Option(
      names = {"--private-link-service-network-policies", "--pls-network-policies"},
      description = "Allowed values: Disabled, Enabled.")
  String plsPolicies;

  @Option(
      names = "--disable-private-link-service-network-policies",
      arity = "0..1",
      fallbackValue = "true",
      description = "Legacy spelling of --private-link-service-network-policies Disabled.")
  String disablePls;

  @Option(
      names = "--disable-private-endpoint-network-policies",
      arity = "0..1",
      fallbackValue = "true",
      description = "Legacy spelling of --private-endpoint-network-policies Disabled.")
  String disablePe;

  @Option(names = "--sharing-scope", description = "Allowed values: DelegatedServices, Tenant.")
  String sharingScope;

  /**
   * The PE network policies asked for: {@code --private-endpoint-network-policies}, or its legacy
   * spelling mapped to {@code Disabled}/{@code Enabled}; null when neither is given.
   */
  String pePolicies(String prog, String pePolicies) {
    Boolean disable = Flags.bool(prog, "--disable-private-endpoint-network-policies", disablePe);
    if (disable != null && pePolicies != null) {
      throw CliException.usage(
          "usage error: --private-endpoint-network-policies and"
              + " --disable-private-endpoint-network-policies cannot be used together");
    }
    return disable == null ? pePolicies : disable ? "Disabled" : "Enabled";
  }

  void apply(ObjectNode props, String prog, Arm arm, String group) {
    reference(props, "networkSecurityGroup", nsg, arm, group, "networkSecurityGroups");
    reference(props, "routeTable", routeTable, arm, group, "routeTables");
    reference(props, "natGateway", natGateway, arm, group, "natGateways");
    if (serviceEndpoints != null) {
      ArrayNode endpoints = props.putArray("serviceEndpoints");
      serviceEndpoints.stream()
          .filter(s -> !s.isEmpty() && !s.equals("null"))
          .forEach(s -> endpoints.addObject().put("service", s));
    }
    if (endpointPolicies != null) {
      ArrayNode policies = props.putArray("serviceEndpointPolicies");
      endpointPolicies.stream()
          .filter(s -> !s.isEmpty() && !s.equals("null"))
          .forEach(s -> policies.addObject().put("id", s));
    }
    String pls =
        Choices.of("--private-link-service-network-policies", "Disabled", "Enabled")
            .parse(prog, plsPolicies);
    Boolean disable =
        Flags.bool(prog, "--disable-private-link-service-network-policies", disablePls);
    if (pls != null && disable != null) {
      throw CliException.usage(
          "usage error: --private-link-service-network-policies and"
              + " --disable-private-link-service-network-policies cannot be used together");
    }
    if (disable != null) {
      pls = disable ? "Disabled" : "Enabled";
    }
    if (pls != null) {
      props.put("privateLinkServiceNetworkPolicies", pls);
    }
    String scope =
        Choices.of("--sharing-scope", "DelegatedServices", "Tenant").parse(prog, sharingScope);
    if (scope != null) {
      props.put("sharingScope", scope);
    }
  }

  private static void reference(
      ObjectNode props, String field, String value, Arm arm, String group, String type) {
    if (value == null) {
      return;
    }
    if (value.isEmpty() || value.equals("null")) {
      props.remove(field);
      return;
    }
    String id =
        Target.isId(value)
            ? value
            : arm.providerPath(group, "Microsoft.Network/" + type + "/" + value);
    props.putObject(field).put("id", id);
  }
}
