package dev.moat.cli.commands.aks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** {@code --file}s travel as az's {@code _get_command_context} sends them: a base64 zip. */
class AksRunCommandContextTest {

  @Test
  void filesAreZippedFlatAndBase64EncodedInLinesOf76() throws Exception {
    Path dir = Files.createTempDirectory("invoke");
    Path a = Files.writeString(dir.resolve("a.yaml"), "kind: Namespace\n".repeat(20));
    Path b =
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("b.txt"), "hello");
    String context = AksRunCommand.context(List.of(a.toString(), b.toString()));
    assertThat(context).endsWith("\n");
    assertThat(context.split("\n"))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(Base64.getMimeDecoder().decode(context)))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).containsOnlyKeys("a.yaml", "b.txt").containsEntry("b.txt", "hello");
  }

  @Test
  void noFilesIsAnEmptyContext() {
    assertThat(AksRunCommand.context(null)).isEmpty();
  }

  @Test
  void pythonsDatetimeFormat() {
    assertThat(AksRunCommand.python("2025-05-01T10:00:00Z")).isEqualTo("2025-05-01 10:00:00+00:00");
    assertThat(AksRunCommand.python("2025-05-01T10:00:00.123456789Z"))
        .isEqualTo("2025-05-01 10:00:00.123456+00:00");
  }
}
