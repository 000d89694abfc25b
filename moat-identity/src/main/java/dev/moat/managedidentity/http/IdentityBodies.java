package dev.moat.managedidentity.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.managedidentity.model.IsolationScope;
import dev.moat.managedidentity.model.UserAssignedIdentity;
import java.util.Map;

/** The wire shapes of {@code userAssignedIdentities} (2024-11-30). */
final class IdentityBodies {
  private IdentityBodies() {}

  /** PUT body. */
  record Put(String location, Map<String, String> tags, InProperties properties) {
    IsolationScope isolationScope() {
      return properties == null ? null : properties.isolationScope();
    }
  }

  /** PATCH body. */
  record Patch(Map<String, String> tags, InProperties properties) {
    IsolationScope isolationScope() {
      return properties == null ? null : properties.isolationScope();
    }
  }

  /** Writable {@code properties}. */
  record InProperties(IsolationScope isolationScope) {}

  /** GET/PUT/PATCH response. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Identity(
      String id,
      String name,
      String type,
      String location,
      Map<String, String> tags,
      Properties properties) {
    static Identity of(UserAssignedIdentity i) {
      return new Identity(
          i.id().toString(),
          i.id().name(),
          "Microsoft.ManagedIdentity/userAssignedIdentities",
          i.location(),
          i.tags(),
          new Properties(i.tenantId(), i.principalId(), i.clientId(), i.isolationScope().name()));
    }
  }

  /** Response {@code properties}. */
  record Properties(String tenantId, String principalId, String clientId, String isolationScope) {}
}
