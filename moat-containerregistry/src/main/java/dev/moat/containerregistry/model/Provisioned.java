package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;

/** A stored resource whose lifecycle a reconciler drives. */
public interface Provisioned<T> {
  ResourceId id();

  Provisioning provisioning();

  /** This resource in another lifecycle state. */
  T withProvisioning(Provisioning next);
}
