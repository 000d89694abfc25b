package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/** Stored credential sets. Thread-safe; every call joins the caller's transaction. */
public interface CredentialSetRepository extends ProvisionedStore<CredentialSet> {
  List<CredentialSet> listIn(ResourceId registry);
}
