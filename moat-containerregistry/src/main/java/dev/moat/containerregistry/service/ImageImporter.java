package dev.moat.containerregistry.service;

import dev.moat.containerregistry.model.ImportImageRequest;
import dev.moat.platform.error.ArmError;
import java.util.Optional;

/**
 * The registry service's side of {@code importImage}: copies an image into a registry's storage.
 * Implemented by the data plane; the ARM side validates, runs it as a long-running operation and
 * reports its error.
 */
@FunctionalInterface
public interface ImageImporter {

  /** Copies; the error when the import fails, empty when it succeeded. Blocking. */
  Optional<ArmError> copy(ImportImageRequest request);
}
