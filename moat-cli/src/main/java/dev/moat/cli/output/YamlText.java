package dev.moat.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * az's yaml output: PyYAML's {@code safe_dump(result, default_flow_style=False)} — block style,
 * sorted keys, list items at the parent's indentation, and plain scalars quoted when YAML would
 * read them as something else. Written by snakeyaml-engine, whose emitter follows the same YAML 1.2
 * rules PyYAML's does for these choices.
 */
public final class YamlText {
  private static final Pattern YAML11_BOOL =
      Pattern.compile("^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$");
  private static final Pattern YAML11_TIMESTAMP =
      Pattern.compile(
          "^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)"
              + "[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$");
  private static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

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
            .setSchema(PyYamlSchema.INSTANCE)
            .build();
    return new Dump(settings).dumpToString(toJava(result));
  }

  /**
   * YAML 1.2's core schema plus the YAML 1.1 forms PyYAML also reads as non-strings (the
   * yes/no/on/off booleans, timestamps, {@code ~}), so strings that look like them are quoted as az
   * quotes them.
   */
  private static final class PyYamlSchema extends CoreSchema {
    static final PyYamlSchema INSTANCE = new PyYamlSchema();

    private final CoreScalarResolver resolver = new CoreScalarResolver();

    private PyYamlSchema() {
      resolver.addImplicitResolver(Tag.BOOL, YAML11_BOOL, "yYnNoO");
      resolver.addImplicitResolver(Tag.NULL, Pattern.compile("^~$"), "~");
      resolver.addImplicitResolver(TIMESTAMP, YAML11_TIMESTAMP, "0123456789");
    }

    @Override
    public ScalarResolver getScalarResolver() {
      return resolver;
    }
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
        new Dump(
                DumpSettings.builder()
                    .setWidth(Integer.MAX_VALUE)
                    .setSchema(PyYamlSchema.INSTANCE)
                    .build())
            .dumpToString(v.asText());
    return text.strip();
  }
}
