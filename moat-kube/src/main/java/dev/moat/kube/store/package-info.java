/**
 * The object store behind each cluster's Kubernetes API: typed fabric8 objects per {@link
 * dev.moat.kube.store.Kind}, one resourceVersion counter per cluster, optimistic concurrency,
 * ownerReference garbage collection, watches resumable from a resourceVersion, and in-process
 * listeners for controllers. The HTTP layer ({@code dev.moat.kube.api}) and the controllers both
 * write through {@link dev.moat.kube.store.ClusterObjects}; nothing else touches the tables.
 */
package dev.moat.kube.store;
