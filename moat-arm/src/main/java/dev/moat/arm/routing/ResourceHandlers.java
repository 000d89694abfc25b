package dev.moat.arm.routing;

/**
 * The operations ARM serves alike for every resource type written with PUT: create or replace,
 * read, delete and list. A type's routes implement this (and {@link Patchable} when the type takes
 * PATCH) and declare all of them with {@link OperationTableBuilder#resource}, so the verbs, shapes
 * and spec validation of the PUT are wired once for every provider.
 */
public interface ResourceHandlers {
  /** {@code PUT} on an item: create or replace. */
  ArmResponse put(ArmRequest request);

  /** {@code GET} on an item. */
  ArmResponse get(ArmRequest request);

  /** {@code DELETE} on an item. */
  ArmResponse delete(ArmRequest request);

  /** {@code GET} on the collection: the resources in the parent (or the group/subscription). */
  ArmResponse list(ArmRequest request);

  /** A type that also takes {@code PATCH} on an item (tags, or a partial update). */
  interface Patchable extends ResourceHandlers {
    ArmResponse patch(ArmRequest request);
  }
}
