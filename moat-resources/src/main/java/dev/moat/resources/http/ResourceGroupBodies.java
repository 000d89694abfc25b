package dev.moat.resources.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.resources.model.ResourceGroup;
import java.util.Map;

/** The wire shapes of the resource-groups API. */
final class ResourceGroupBodies {
  private ResourceGroupBodies() {}

  /** PUT body. */
  record Put(String location, Map<String, String> tags, String managedBy) {}

  /** PATCH body. */
  record Patch(Map<String, String> tags, String managedBy) {}

  /** GET/PUT response. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Group(
      String id,
      String name,
      String type,
      String location,
      String managedBy,
      Map<String, String> tags,
      Properties properties) {

    static Group of(ResourceGroup g) {
      return new Group(
          g.id().toString(),
          g.id().name(),
          "Microsoft.Resources/resourceGroups",
          g.location(),
          g.managedBy(),
          g.tags(),
          new Properties(g.state().name()));
    }
  }

  /** {@code properties}. */
  record Properties(String provisioningState) {}
}
