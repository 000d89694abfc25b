package dev.moat.arm.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.http.HttpCall;
import dev.moat.platform.error.CommonError;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks ARM makes on every request before a resource provider sees it: the subscription id's
 * form, the body's media type, and the tag limits of the Microsoft.Resources tag operations (at
 * most 50 tags; names up to 512 characters without {@code <>%&\?/} or control characters; values up
 * to 256).
 */
public final class Envelope {
  public static final int MAX_TAGS = 50;
  public static final int MAX_TAG_NAME = 512;
  public static final int MAX_TAG_VALUE = 256;

  private static final Pattern GUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern RESERVED_TAG_CHARACTERS = Pattern.compile("[<>%&\\\\?/\\p{Cntrl}]");

  private Envelope() {}

  /** A subscription id must be a GUID ({@code format: uuid} in common-types v4/v6). */
  public static void checkSubscriptionId(String subscriptionId) {
    if (!GUID.matcher(subscriptionId).matches()) {
      throw CommonError.INVALID_SUBSCRIPTION_ID.exception(subscriptionId);
    }
  }

  /**
   * A body must be JSON: {@code application/json}, {@code text/json} or any {@code +json} type. A
   * missing Content-Type on a non-empty body is refused as ARM does ({@code '<null>'}).
   */
  public static void checkMediaType(HttpCall call) {
    if (call.body().length == 0) {
      return;
    }
    String header = call.header("content-type").orElse(null);
    if (header == null || header.isBlank()) {
      throw CommonError.UNSUPPORTED_MEDIA_TYPE.exception("<null>");
    }
    String media = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")
        && !media.equals("text/json")
        && !media.endsWith("+json")) {
      throw CommonError.UNSUPPORTED_MEDIA_TYPE.exception(media);
    }
  }

  /** The top-level {@code tags} of a PUT or PATCH body, if it has any. */
  public static void checkTags(JsonNode body) {
    JsonNode tags = body == null || !body.isObject() ? null : body.get("tags");
    if (tags == null || !tags.isObject()) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw CommonError.TOO_MANY_TAGS.exception(tags.size()).withTarget("tags");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> tag = it.next();
      String name = tag.getKey();
      if (name.codePointCount(0, name.length()) > MAX_TAG_NAME) {
        throw CommonError.TAG_NAME_TOO_LONG.exception(name).withTarget("tags");
      }
      if (name.isEmpty() || RESERVED_TAG_CHARACTERS.matcher(name).find()) {
        throw CommonError.TAG_NAME_CHARACTERS.exception(name).withTarget("tags");
      }
      String value = tag.getValue().isNull() ? "" : tag.getValue().asText();
      if (value.codePointCount(0, value.length()) > MAX_TAG_VALUE) {
        throw CommonError.TAG_VALUE_TOO_LONG.exception(value, name).withTarget("tags");
      }
    }
  }
}
