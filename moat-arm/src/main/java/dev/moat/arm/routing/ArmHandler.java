package dev.moat.arm.routing;

/** Handles one ARM operation. Throws {@link dev.moat.platform.error.ArmException} for errors. */
@FunctionalInterface
public interface ArmHandler {
  ArmResponse handle(ArmRequest request);
}
