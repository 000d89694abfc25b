package dev.moat.arm.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Bridges Jetty's request/response to {@link HttpService}: reads the body up to a limit, builds an
 * {@link HttpCall}, writes the {@link HttpResult}. Runs on Jetty's (blocking-capable) worker
 * threads.
 */
public final class JettyHttpAdapter extends Handler.Abstract {
  private final HttpService service;
  private final int maxBodyBytes;

  public JettyHttpAdapter(HttpService service, int maxBodyBytes) {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    HttpCall call = toCall(request);
    HttpResult result = service.handle(call);
    response.setStatus(result.status());
    result.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put("Content-Length", String.valueOf(result.body().length));
    if (result.body().length == 0 || call.method().equals("HEAD")) {
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(result.body()), callback);
    }
    return true;
  }

  private HttpCall toCall(Request request) throws IOException {
    HttpURI uri = request.getHttpURI();
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      headers.merge(f.getLowerCaseName(), f.getValue(), (a, b) -> a + ", " + b);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request);
    for (Fields.Field f : fields) {
      query.put(f.getName(), new ArrayList<>(f.getValues()));
    }
    long declared = request.getLength();
    byte[] body = new byte[0];
    boolean tooLarge = declared > maxBodyBytes;
    if (!tooLarge) {
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = in.readNBytes(maxBodyBytes + 1);
      }
      if (body.length > maxBodyBytes) {
        tooLarge = true;
        body = new byte[0];
      }
    }
    String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
    String host = headers.getOrDefault("host", uri.getAuthority());
    return new HttpCall(
        request.getMethod().toUpperCase(Locale.ROOT),
        uri.getDecodedPath().replaceAll("/{2,}", "/"),
        query,
        headers,
        body,
        tooLarge,
        scheme + "://" + host,
        Request.getRemoteAddr(request));
  }
}
