package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.Target;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.platform.id.ApiVersion;
import dev.moat.testing.TestMoat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/COMPATIBILITY.md}'s table of resource types, operations and api-versions is generated
 * from the operation table Moat routes by; this test fails when the two disagree. To refresh the
 * file, run the test with {@code -Dmoat.writeCompatibility=true}.
 */
class CompatibilityDocTest {
  private static final String BEGIN = "<!-- BEGIN GENERATED: operations -->";
  private static final String END = "<!-- END GENERATED: operations -->";

  @Test
  void theDocumentListsExactlyTheOperationsServed() throws Exception {
    AtomicReference<ProviderAssembler.Assembly> assembly = new AtomicReference<>();
    TestMoat moat =
        TestMoat.start(
            c -> {
              ProviderAssembler.Assembly a = MoatCloud.assemble(c);
              assembly.set(a);
              return a;
            });
    try {
      String generated = render(assembly.get());
      Path doc = Path.of("..", "docs", "COMPATIBILITY.md");
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      int from = text.indexOf(BEGIN);
      int to = text.indexOf(END);
      assertThat(from).as("markers in %s", doc).isNotNegative();
      String current = text.substring(from + BEGIN.length(), to).strip();
      if (Boolean.getBoolean("moat.writeCompatibility")) {
        Files.writeString(
            doc,
            text.substring(0, from + BEGIN.length()) + "\n" + generated + "\n" + text.substring(to),
            StandardCharsets.UTF_8);
        return;
      }
      assertThat(current).isEqualTo(generated.strip());
    } finally {
      moat.close();
    }
  }

  private static String render(ProviderAssembler.Assembly assembly) {
    Map<String, List<ArmOperation>> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    assembly.providers().stream()
        .flatMap(p -> p.operations().stream())
        .forEach(op -> byType.computeIfAbsent(op.type().value(), t -> new ArrayList<>()).add(op));
    StringBuilder out = new StringBuilder();
    out.append("| resource type | operations | api-versions |\n|---|---|---|\n");
    for (Map.Entry<String, List<ArmOperation>> e : byType.entrySet()) {
      String ops =
          e.getValue().stream()
              .map(
                  op ->
                      op.method() + (op.shape() == Target.Shape.COLLECTION ? " (collection)" : ""))
              .sorted()
              .collect(Collectors.joining(", "));
      String versions =
          e.getValue().get(0).apiVersions().stream()
              .map(ApiVersion::value)
              .collect(Collectors.joining(", "));
      out.append("| `")
          .append(e.getKey())
          .append("` | ")
          .append(ops)
          .append(" | ")
          .append(versions)
          .append(" |\n");
    }
    return out.toString();
  }
}
