package dev.moat.containerservice.validation;

import dev.moat.containerservice.model.OutboundType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which outbound-type changes an update may make (OUT3), transcribed from the classic tables of
 * {@code aks/outbound-type-migrations.json} (egress-outboundtype.md e9994ff4f), with the 2026
 * managedNATGatewayV2 rows from the latest table plus the CHANGELOG 2026-05-29 V2 → none/block.
 */
public final class OutboundMigrations {
  private static final Map<OutboundType, Set<OutboundType>> MANAGED_VNET =
      Map.of(
          OutboundType.loadBalancer,
          EnumSet.of(
              OutboundType.managedNATGateway,
              OutboundType.managedNATGatewayV2,
              OutboundType.none,
              OutboundType.block),
          OutboundType.managedNATGateway,
          EnumSet.of(
              OutboundType.loadBalancer,
              OutboundType.managedNATGatewayV2,
              OutboundType.none,
              OutboundType.block),
          OutboundType.managedNATGatewayV2,
          EnumSet.of(OutboundType.none, OutboundType.block),
          OutboundType.none,
          EnumSet.of(
              OutboundType.loadBalancer,
              OutboundType.managedNATGateway,
              OutboundType.managedNATGatewayV2,
              OutboundType.block),
          OutboundType.block,
          EnumSet.of(
              OutboundType.loadBalancer,
              OutboundType.managedNATGateway,
              OutboundType.managedNATGatewayV2,
              OutboundType.none));

  private static final Map<OutboundType, Set<OutboundType>> BYO_VNET =
      Map.of(
          OutboundType.loadBalancer,
          EnumSet.of(
              OutboundType.userAssignedNATGateway,
              OutboundType.userDefinedRouting,
              OutboundType.none),
          OutboundType.userAssignedNATGateway,
          EnumSet.of(OutboundType.loadBalancer, OutboundType.userDefinedRouting, OutboundType.none),
          OutboundType.userDefinedRouting,
          EnumSet.of(
              OutboundType.loadBalancer, OutboundType.userAssignedNATGateway, OutboundType.none),
          OutboundType.none,
          EnumSet.of(
              OutboundType.loadBalancer,
              OutboundType.userAssignedNATGateway,
              OutboundType.userDefinedRouting));

  /** Throws {@code InvalidParameter} when the change is not in the matrix. */
  public void check(OutboundType from, OutboundType to, boolean byoVnet) {
    if (from == to) {
      return;
    }
    Map<OutboundType, Set<OutboundType>> table = byoVnet ? BYO_VNET : MANAGED_VNET;
    if (!table.getOrDefault(from, Set.of()).contains(to)) {
      throw ContainerServiceError.OUTBOUND_MIGRATION.exception(
          from, to, byoVnet ? "a custom virtual network" : "an AKS-managed virtual network");
    }
  }
}
