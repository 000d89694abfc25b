package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.StatusCause;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * What differs per kind in the generic store, after the apiserver's {@code RESTCreateStrategy} and
 * {@code RESTUpdateStrategy}: defaulting, validation, whether {@code metadata.generation} tracks
 * spec changes, and which fields a field selector may name. Works on the JSON tree, as defaulting
 * must see which fields are absent.
 */
interface Strategy {
  /** Fills defaults in a new object (also applied on update: defaults are idempotent). */
  void applyDefaults(ObjectNode object);

  /** Checks a new object; empty when valid. */
  List<StatusCause> validate(ObjectNode object);

  /** Checks an update; by default the rules of {@link #validate}. */
  default List<StatusCause> validateUpdate(ObjectNode old, ObjectNode object) {
    return validate(object);
  }

  /** Whether {@code metadata.generation} is bumped when the spec changes. */
  default boolean tracksGeneration() {
    return false;
  }

  /** Field paths a field selector may name besides metadata.name and metadata.namespace. */
  default Set<String> selectableFields() {
    return Set.of();
  }

  /** Field-selector values for a stored object: JSON path → text (absent → ""). */
  default String fieldValue(ObjectNode object, String field) {
    String pointer = "/" + field.replace('.', '/');
    if (field.equals("source")) {
      pointer = "/source/component";
    }
    var node = object.at(pointer);
    return node.isMissingNode() || node.isNull() ? "" : node.asString();
  }
}
