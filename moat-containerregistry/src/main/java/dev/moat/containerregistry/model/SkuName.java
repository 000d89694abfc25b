package dev.moat.containerregistry.model;

/** {@code sku.name} (and the read-only {@code sku.tier}, which always equals it). */
public enum SkuName {
  Classic,
  Basic,
  Standard,
  Premium
}
