package dev.moat.cli.commands.aks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/**
 * {@code moat aks check-network-isolation} — Moat's own command, not an az one. It takes exactly
 * {@code az aks create}'s arguments (and runs az's checks of them): for a cluster that exists it
 * checks the cluster as it is, otherwise what that create would build. The server walks a node's
 * bootstrap path with the fabric, DNS views, RBAC decision and registry rules the nodes use, and
 * this prints each link with ✔/✘ and the az commands that fix a broken one ({@code -o json}: the
 * same as data). Exit code 0 only when a new node would bootstrap.
 */
@Command(
    name = "check-network-isolation",
    description =
        "(Moat) Check, link by link, whether a node of this cluster would bootstrap; takes the"
            + " arguments of 'az aks create'.")
public final class AksCheckNetworkIsolationCommand extends AksCreateCommand {
  static final String PATH = "/moat/doctor/check";

  public AksCheckNetworkIsolationCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    ObjectNode body = requestBody("moat aks check-network-isolation");
    String id = cluster.path(arm);
    JsonNode report =
        arm.post(
            PATH + "?cluster=" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, body, false);
    if (context.outputGiven()) {
      context.print(report);
    } else {
      print(report, context.out());
    }
    return report.path("wouldBootstrap").asBoolean(false) ? 0 : 1;
  }

  /** The human form: one block per link. */
  static void print(JsonNode report, PrintStream out) {
    String name = report.path("clusterId").asText();
    name = name.substring(name.lastIndexOf('/') + 1);
    out.println(
        "Network isolation check of cluster "
            + name
            + (report.path("exists").asBoolean()
                ? " (as it is)"
                : " (not created yet: what this create would build)"));
    out.println();
    int failed = 0;
    for (JsonNode link : report.path("links")) {
      String status = link.path("status").asText();
      String mark =
          switch (status) {
            case "PASS" -> "✔";
            case "FAIL" -> "✘";
            case "WARN" -> "!";
            default -> "◌";
          };
      if (status.equals("FAIL")) {
        failed++;
      }
      out.println(
          " "
              + mark
              + " "
              + link.path("title").asText()
              + "  ["
              + link.path("id").asText()
              + ", "
              + link.path("rule").asText()
              + "]");
      out.println("     " + link.path("evidence").asText());
      if (link.path("fixes").size() > 0) {
        out.println(status.equals("FAIL") ? "     fix:" : "     to change it:");
        for (JsonNode fix : link.path("fixes")) {
          out.println("       " + fix.asText());
        }
      }
    }
    out.println();
    if (failed == 0) {
      out.println(
          "A new node would bootstrap. (checked in " + report.path("tookMillis").asLong() + " ms)");
    } else {
      out.println(
          "A new node would NOT bootstrap: "
              + failed
              + (failed == 1 ? " broken link" : " broken links")
              + ". (checked in "
              + report.path("tookMillis").asLong()
              + " ms)");
    }
  }
}
