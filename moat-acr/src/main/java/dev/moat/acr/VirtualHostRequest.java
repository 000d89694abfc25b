package dev.moat.acr;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * A node's request as the registry should see it: addressed to the virtual host the node asked for
 * ({@code myacr.azurecr.io}), not to the loopback ingress it physically reached, so that challenges
 * and redirects name the registry's real host.
 */
final class VirtualHostRequest extends Request.Wrapper {
  private final HttpFields headers;

  VirtualHostRequest(Request wrapped, String host) {
    super(wrapped);
    this.headers = HttpFields.build(wrapped.getHeaders()).put(HttpHeader.HOST, host).asImmutable();
  }

  @Override
  public HttpFields getHeaders() {
    return headers;
  }
}
