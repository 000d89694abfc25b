package dev.moat.arm.http;

/**
 * Answers HTTP requests. Implementations never throw for bad input: they turn it into the error
 * response of their protocol.
 */
@FunctionalInterface
public interface HttpService {
  HttpResult handle(HttpCall call);
}
