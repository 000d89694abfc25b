package dev.moat.kube.store;

import java.util.Optional;

/**
 * The recorded output of containers, per pod and container. Moat runs no container processes of its
 * own; a kubelet appends here the output of the programs a node really runs, and {@code kubectl
 * logs} reads it. Logs of a pod go when the pod is removed. Thread-safe, durable.
 */
public interface PodLogs {

  /** Appends text (UTF-8, typically whole lines ending in a newline) to a container's log. */
  void append(String namespace, String pod, String container, String text);

  /**
   * The log from byte offset {@code from} to the end (at most {@code limitBytes}, 0 for no limit).
   */
  Chunk read(String namespace, String pod, String container, long from, long limitBytes);

  /** The last {@code lines} lines of the log. */
  String tail(String namespace, String pod, String container, int lines);

  /**
   * Calls {@code onAppend} after each append to this container's log, until closed; for {@code
   * kubectl logs -f}. Runs on the appending thread: must not block.
   */
  ClusterObjects.Registration onAppend(
      String namespace, String pod, String container, Runnable onAppend);

  /** Removes all logs of a pod. */
  void remove(String namespace, String pod);

  /**
   * Text read from a log.
   *
   * @param text the text
   * @param next the byte offset to read from next time
   */
  record Chunk(String text, long next) {}

  /** Empty log text as an Optional, for callers that distinguish "nothing recorded". */
  default Optional<String> all(String namespace, String pod, String container) {
    String text = read(namespace, pod, container, 0, 0).text();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
