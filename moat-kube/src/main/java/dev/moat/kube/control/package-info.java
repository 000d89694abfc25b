/**
 * What every component of a cluster's control plane shares: the keyed work loop and the event
 * recorder. Depends on the store only, so controllers, scheduler and kubelets can all use it.
 */
package dev.moat.kube.control;
