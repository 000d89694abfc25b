package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;

/**
 * One stored resource document: its id, its record as JSON, and bookkeeping the store keeps ({@code
 * version} increases with every write and backs ETags).
 */
public record StoredResource(
    ResourceId id, String body, long version, Instant createdAt, Instant updatedAt) {}
