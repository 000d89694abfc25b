package dev.moat.arm.routing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.http.HttpCall;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ApiVersion;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.json.Json;
import java.util.Optional;
import java.util.stream.Collectors;

/** An authenticated ARM request, routed to its operation. */
public record ArmRequest(HttpCall http, Target target, ApiVersion apiVersion, Principal caller) {

  /** The resource id of an item request. */
  public ResourceId id() {
    if (target instanceof Target.Item item) {
      return item.id();
    }
    throw new IllegalStateException("not an item request: " + http.path());
  }

  /** The parent of a collection (or action) request. */
  public ResourceId parent() {
    if (target instanceof Target.Collection c && c.parent() != null) {
      return c.parent();
    }
    throw new IllegalStateException("not a collection request: " + http.path());
  }

  public String method() {
    return http.method();
  }

  public Optional<String> header(String name) {
    return http.header(name);
  }

  public Optional<String> query(String name) {
    return http.queryParam(name);
  }

  /** {@code https://host:port} as the client addressed Moat; the base of LRO URLs. */
  public String baseUri() {
    return http.baseUri();
  }

  /**
   * Reads the body as {@code type}: a missing body, malformed JSON, a value of the wrong type or an
   * unknown enum value is a 400 {@code InvalidRequestContent}, as ARM answers.
   */
  public <T> T body(Class<T> type) {
    if (http.body().length == 0) {
      throw CommonError.MISSING_BODY.exception();
    }
    try {
      T value = Json.mapper().readValue(http.body(), type);
      if (value == null) {
        throw CommonError.MISSING_BODY.exception();
      }
      return value;
    } catch (InvalidFormatException e) {
      throw CommonError.INVALID_REQUEST_CONTENT
          .exception(
              "Error converting value "
                  + quote(e.getValue())
                  + " to type '"
                  + e.getTargetType().getSimpleName()
                  + "'. Path '"
                  + path(e)
                  + "'")
          .withTarget(path(e));
    } catch (MismatchedInputException e) {
      throw CommonError.INVALID_REQUEST_CONTENT
          .exception("Unexpected value or type at path '" + path(e) + "'")
          .withTarget(path(e));
    } catch (JacksonException e) {
      throw CommonError.INVALID_REQUEST_CONTENT.exception(
          "Malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (java.io.IOException e) {
      throw CommonError.INVALID_REQUEST_CONTENT.exception("The request body could not be read");
    }
  }

  /** The body as a JSON tree (for handlers that must see which properties were sent). */
  public JsonNode bodyTree() {
    return body(JsonNode.class);
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
