/**
 * Each cluster's Kubernetes API over HTTP under {@code /moat/kube/{key}}: discovery, a small
 * OpenAPI v3, CRUD with JSON, merge, strategic-merge and apply patches, watches streamed one JSON
 * object per line, server-side Tables, {@code /scale}, {@code /status} and {@code pods/log}. All
 * state lives in {@link dev.moat.kube.store.ClusterObjects}; this package only speaks the wire.
 */
package dev.moat.kube.api;
