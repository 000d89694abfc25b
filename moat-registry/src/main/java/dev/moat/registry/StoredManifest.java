package dev.moat.registry;

import dev.moat.registry.metadata.ManifestRecord;

/** A manifest's metadata and its exact bytes, as pushed (or as fetched from the upstream). */
public record StoredManifest(ManifestRecord record, byte[] body) {}
