package dev.moat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The user's terminal as az's prompts see it ({@code knack.prompting}): whether there is one, and a
 * line typed in answer to a question. Injected so that an in-process run can stand for a user at a
 * terminal (the seed document's readers answer az's prompts).
 */
public interface Terminal {
  /** True when stdin is a terminal, so a prompt can be answered. */
  boolean isInteractive();

  /** Shows {@code prompt} and reads one line; null at end of input. */
  String ask(String prompt);

  /** No terminal: every prompt fails with az's "no tty" error. */
  static Terminal none() {
    return new Terminal() {
      @Override
      public boolean isInteractive() {
        return false;
      }

      @Override
      public String ask(String prompt) {
        throw new IllegalStateException("no terminal");
      }
    };
  }

  /**
   * The process's own console: interactive when the JVM has one; the prompt goes to {@code err},
   * the answer is read from stdin a byte at a time (so nothing beyond the line is consumed).
   */
  static Terminal system(PrintStream err, InputStream in) {
    return new Terminal() {
      @Override
      public boolean isInteractive() {
        return System.console() != null;
      }

      @Override
      public String ask(String prompt) {
        err.print(prompt);
        err.flush();
        try {
          StringBuilder line = new StringBuilder();
          java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
          int b;
          while ((b = in.read()) != -1 && b != '\n') {
            bytes.write(b);
          }
          if (b == -1 && bytes.size() == 0) {
            return null;
          }
          line.append(bytes.toString(StandardCharsets.UTF_8));
          return line.toString().strip();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
