package dev.moat.kube.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Finds fields of a JSON object that its fabric8 model does not declare, for {@code
 * fieldValidation=Strict}. The models accept anything into {@code additionalProperties}, so the
 * check walks the JSON against each model class's {@code @JsonProperty} fields instead.
 */
final class StrictFields {
  private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

  private StrictFields() {}

  /** Paths of unknown fields, e.g. {@code spec.template.spec.containers[0].foo}. */
  static List<String> unknown(JsonNode node, Class<?> type) {
    List<String> out = new ArrayList<>();
    walk(node, type, "", out);
    return out;
  }

  private static void walk(JsonNode node, Type type, String path, List<String> out) {
    if (node == null || node.isNull()) {
      return;
    }
    Class<?> raw = raw(type);
    if (raw == null) {
      return;
    }
    if (List.class.isAssignableFrom(raw) && node.isArray()) {
      Type element = argument(type, 0);
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), element, path + "[" + i + "]", out);
      }
      return;
    }
    if (Map.class.isAssignableFrom(raw) && node.isObject()) {
      Type value = argument(type, 1);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), value, path + "[" + e.getKey() + "]", out);
      }
      return;
    }
    if (!raw.getName().startsWith("io.fabric8.kubernetes.api.model") || !node.isObject()) {
      return;
    }
    Map<String, Type> properties = properties(raw);
    if (properties.isEmpty()) {
      return; // IntOrString, Quantity and similar: scalar-shaped types
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      Type t = properties.get(e.getKey());
      if (t == null) {
        out.add(p);
      } else {
        walk(e.getValue(), t, p, out);
      }
    }
  }

  private static Map<String, Type> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(
        type,
        c -> {
          Map<String, Type> props = new HashMap<>();
          for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
              JsonProperty p = f.getAnnotation(JsonProperty.class);
              if (p != null) {
                props.putIfAbsent(
                    p.value().isEmpty() ? f.getName() : p.value(), f.getGenericType());
              }
            }
          }
          return props;
        });
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
