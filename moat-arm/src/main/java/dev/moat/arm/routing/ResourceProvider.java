package dev.moat.arm.routing;

import dev.moat.platform.reconcile.Reconciler;
import java.util.List;

/** An Azure resource provider served by Moat: its wire contract and its reconcilers. */
public interface ResourceProvider {
  /** The namespace, e.g. {@code Microsoft.Network}. */
  String namespace();

  List<ArmOperation> operations();

  default List<Reconciler> reconcilers() {
    return List.of();
  }
}
