/**
 * The bottom layer: a content-addressed blob store on the local file system (digest → bytes) and
 * the files of upload sessions. Knows nothing of repositories, registries or HTTP.
 */
package dev.moat.registry.storage;
