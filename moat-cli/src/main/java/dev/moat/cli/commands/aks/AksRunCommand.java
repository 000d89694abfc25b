package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code az aks command}: run a command in a cluster through ARM ({@code runCommand}), as {@code
 * aks_runcommand} in azure-cli's {@code acs/custom.py} does: {@code --file}s travel as a base64 zip
 * in {@code context}; without {@code -o} the result prints as {@code command started at ...,
 * finished at ... with exitcode=N} and then the logs.
 */
@Command(name = "command", description = "See detail usage in 'az aks command invoke'.")
public final class AksRunCommand extends CommandGroup {

  public AksRunCommand(CliContext context) {
    super(context);
  }

  @Command(
      name = "invoke",
      description =
          "Run a shell command (with kubectl, helm) on your aks cluster, support attaching files as well.")
  int invoke(
      @Mixin ClusterName cluster,
      @Option(
              names = {"--command", "-c"},
              description = "The command to run.")
          String command,
      @Option(
              names = {"--file", "-f"},
              description =
                  "Files to be used by the command, use '.' to attach the current folder.")
          List<String> files,
      @Mixin NoWait noWait) {
    if (command == null || command.isEmpty()) {
      throw CliException.command("Command cannot be empty.");
    }
    String path = cluster.path(arm);
    arm.get(path, Clusters.V);
    ObjectNode body = Json.object();
    body.put("command", command);
    body.put("context", context(files));
    JsonNode result = arm.post(path + "/runCommand", Clusters.V, body, noWait.value());
    if (noWait.value()) {
      return 0;
    }
    if (context.outputGiven()) {
      context.print(result);
      return 0;
    }
    JsonNode p = result.path("properties");
    String state = p.path("provisioningState").asText();
    if (state.equals("Succeeded")) {
      context
          .out()
          .println(
              "command started at "
                  + python(p.path("startedAt").asText())
                  + ", finished at "
                  + python(p.path("finishedAt").asText())
                  + " with exitcode="
                  + p.path("exitCode").asInt());
      context.out().println(p.path("logs").asText());
    } else if (state.equals("Failed")) {
      context.out().println("command failed with reason: " + p.path("reason").asText());
    } else {
      context.out().println("command is in " + state + " state");
    }
    return 0;
  }

  /** Python's {@code str(datetime)}: {@code 2025-05-01 10:00:00.123456+00:00}. */
  static String python(String iso) {
    try {
      OffsetDateTime t = OffsetDateTime.parse(iso);
      String base = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
      String micros = t.getNano() == 0 ? "" : String.format(".%06d", t.getNano() / 1000);
      return base + micros + t.format(DateTimeFormatter.ofPattern("xxx"));
    } catch (RuntimeException e) {
      return iso;
    }
  }

  /** {@code _get_command_context}: the files as a zip, base64 with 76-character lines. */
  static String context(List<String> files) {
    if (files == null || files.isEmpty()) {
      return "";
    }
    Map<Path, String> attach = new LinkedHashMap<>();
    if (files.size() == 1 && files.get(0).equals(".")) {
      Path cwd = Path.of("").toAbsolutePath();
      try (Stream<Path> walk = Files.walk(cwd)) {
        walk.filter(Files::isRegularFile).forEach(f -> attach.put(f, cwd.relativize(f).toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      for (String f : files) {
        if (f.equals(".")) {
          throw CliException.command(
              ". is used to attach current folder, not expecting other attachements.");
        }
        Path p = Path.of(f);
        if (!Files.isRegularFile(p)) {
          throw CliException.command(f + " is not valid file, or not accessable.");
        }
        attach.put(p, p.getFileName().toString());
      }
    }
    if (attach.isEmpty()) {
      return "";
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<Path, String> e : attach.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getValue()));
        zip.write(Files.readAllBytes(e.getKey()));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Python's base64.encodebytes: lines of 76 characters, each ending in a newline.
    String b64 =
        java.util.Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(bytes.toByteArray());
    return b64 + "\n";
  }
}
