package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * az's yaml output: PyYAML's {@code safe_dump(result, default_flow_style=False)} — block style,
 * sorted keys, list items at the parent's indentation, and plain scalars quoted when YAML would
 * read them as something else. Written by snakeyaml-engine, whose emitter follows the same YAML 1.2
 * rules PyYAML's does for these choices.
 */
public final class YamlText {
  private YamlText() {}

  public static String write(JsonNode result) {
    if (!result.isContainerNode() || result.isEmpty()) {
      // PyYAML writes a lone scalar as a document with an end marker; az users read the value.
      return scalar(result) + "\n";
    }
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setWidth(Integer.MAX_VALUE)
            .build();
    return new Dump(settings).dumpToString(toJava(result));
  }

  /** Jackson's tree as the plain maps, lists and scalars the dumper writes; keys sorted. */
  static Object toJava(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : JsonText.sortedFields(node)) {
        map.put(f.getKey(), toJava(f.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(toJava(item)));
      return list;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }

  private static String scalar(JsonNode v) {
    if (v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isObject()) {
      return "{}";
    }
    if (v.isArray()) {
      return "[]";
    }
    if (v.isValueNode() && !v.isTextual()) {
      return v.asText();
    }
    String text =
        new Dump(DumpSettings.builder().setWidth(Integer.MAX_VALUE).build())
            .dumpToString(v.asText());
    return text.strip();
  }
}
