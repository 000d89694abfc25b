package dev.moat.authorization.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure's built-in role definitions Moat knows, loaded from {@code builtin-roles.json}. The GUIDs,
 * names, descriptions and actions are copied from Azure's published built-in roles reference.
 * Immutable and thread-safe.
 */
public final class BuiltInRoles {
  private final Map<String, RoleDefinition> byGuid;

  private BuiltInRoles(Map<String, RoleDefinition> byGuid) {
    this.byGuid = byGuid;
  }

  /** One row of the shipped file. */
  private record Row(
      String name,
      String roleName,
      String description,
      List<String> actions,
      List<String> notActions) {}

  public static BuiltInRoles load() {
    try (InputStream in = BuiltInRoles.class.getResourceAsStream("builtin-roles.json")) {
      if (in == null) {
        throw new IllegalStateException("builtin-roles.json is missing from the classpath");
      }
      List<Row> rows = Json.mapper().readValue(in, new TypeReference<List<Row>>() {});
      Map<String, RoleDefinition> map = new LinkedHashMap<>();
      for (Row r : rows) {
        map.put(
            r.name().toLowerCase(Locale.ROOT),
            new RoleDefinition(
                r.name(),
                r.roleName(),
                r.description(),
                List.of(new Permission(r.actions(), r.notActions(), List.of(), List.of()))));
      }
      return new BuiltInRoles(map);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The role with this GUID (case-insensitive). */
  public Optional<RoleDefinition> find(String guid) {
    return Optional.ofNullable(byGuid.get(guid.toLowerCase(Locale.ROOT)));
  }

  /** Every role, in the shipped order. */
  public List<RoleDefinition> all() {
    return List.copyOf(byGuid.values());
  }
}
