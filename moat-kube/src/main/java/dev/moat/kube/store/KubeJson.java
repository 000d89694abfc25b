package dev.moat.kube.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of Kubernetes objects, on the wire and in the store: fabric8 models through one
 * Jackson mapper. Raw trees exist only here and in the patch and strategy code that must work on
 * the JSON shape (status replacement, patches, defaulting of absent fields).
 */
public final class KubeJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private KubeJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The object as a JSON tree. */
  public static ObjectNode tree(Object object) {
    // Through text, so numbers get the node types parsing gives (IntNode for 30, not LongNode):
    // trees from the model and from storage must compare equal when they mean the same.
    return parse(write(object));
  }

  /** Parses JSON text to a tree; 400 BadRequest when it is not a JSON object. */
  public static ObjectNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw KubeException.badRequest("the request body is not a JSON object");
    } catch (JacksonException e) {
      throw KubeException.badRequest("invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** The tree as an object of {@code kind}, with apiVersion and kind set. */
  public static <T extends HasMetadata> T object(Kind<T> kind, JsonNode tree) {
    try {
      ObjectNode copy = ((ObjectNode) tree).deepCopy();
      copy.put("apiVersion", kind.apiVersion());
      copy.put("kind", kind.kind());
      return MAPPER.treeToValue(copy, kind.type());
    } catch (JacksonException | IllegalArgumentException e) {
      throw KubeException.badRequest(
          kind.kind()
              + " in version \""
              + kind.version()
              + "\" cannot be handled as a "
              + kind.kind()
              + ": "
              + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
    }
  }

  /** Parses stored JSON to an object of {@code kind}. */
  public static <T extends HasMetadata> T object(Kind<T> kind, String json) {
    try {
      return MAPPER.readValue(json, kind.type());
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot convert a Kubernetes object: " + e.getMessage(), e);
    }
  }

  /** Compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot convert a Kubernetes object: " + e.getMessage(), e);
    }
  }

  /** A deep copy of an object. */
  public static <T extends HasMetadata> T copy(Kind<T> kind, T object) {
    return object(kind, tree(object));
  }
}
