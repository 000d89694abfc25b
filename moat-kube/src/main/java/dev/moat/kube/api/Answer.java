package dev.moat.kube.api;

import java.io.IOException;
import java.io.OutputStream;

/** What a route answers: a complete response, or a stream written as events arrive. */
sealed interface Answer permits ApiResponse, Answer.Stream {

  /**
   * A chunked 200 response written by {@code body} on the request thread until it returns (the
   * watch ends, the log follow ends) or the client leaves (the write fails).
   */
  record Stream(String contentType, Body body) implements Answer {}

  /** Writes a streamed body; flush after each unit the client should see at once. */
  @FunctionalInterface
  interface Body {
    void write(OutputStream out) throws IOException, InterruptedException;
  }
}
