package dev.moat.network.http;

import dev.moat.platform.id.ResourceId;

/** {@code {"id": "..."}}, ARM's reference to another resource. */
record Ref(String id) {
  static Ref of(ResourceId id) {
    return id == null ? null : new Ref(id.toString());
  }

  static Ref of(String id) {
    return id == null ? null : new Ref(id);
  }
}
