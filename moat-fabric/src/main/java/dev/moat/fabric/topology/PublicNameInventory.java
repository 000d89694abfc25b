package dev.moat.fabric.topology;

import java.util.List;

/**
 * Public names that providers' resources serve (registries' login servers and data endpoints).
 * Implemented by those providers; the fabric adds the public upstreams it knows itself.
 */
public interface PublicNameInventory {
  List<PublicNameView> publicNames();
}
