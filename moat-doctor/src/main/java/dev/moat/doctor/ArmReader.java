package dev.moat.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.runtime.InternalArm;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * Reads resources as ARM shows them, through internal ARM as a read-only service principal: the
 * doctor sees exactly what {@code az ... show} would.
 */
public final class ArmReader {
  static final String CLUSTERS = "2025-05-01";
  static final String NETWORK = "2024-05-01";
  static final String DNS = "2024-06-01";
  static final String REGISTRY = "2025-11-01";
  static final String IDENTITY = "2023-01-31";
  static final String AUTHORIZATION = "2022-04-01";
  static final String GROUPS = "2025-04-01";

  private final InternalArm arm;
  private final Principal reader;

  public ArmReader(InternalArm arm, Principal reader) {
    this.arm = arm;
    this.reader = reader;
  }

  public Optional<JsonNode> get(ResourceId id, String apiVersion) {
    try {
      return arm.get(reader, id, apiVersion);
    } catch (ArmException e) {
      if (e.error().httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The collection's items; empty when the parent does not exist. */
  public List<JsonNode> list(ResourceId parent, String type, String apiVersion) {
    try {
      return arm.list(reader, parent, ResourceType.of(type), apiVersion);
    } catch (ArmException e) {
      if (e.error().httpStatus() == 404) {
        return List.of();
      }
      throw e;
    }
  }
}
