package dev.moat.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.lro.RetryAfter;
import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code az aks command invoke}: ARM's {@code managedClusters/{c}/runCommand} action and its {@code
 * commandResults/{id}}. Azure runs the command in a pod inside the cluster, which is how a user
 * reaches a private cluster's API from outside its VNet; Moat runs the real {@code kubectl} against
 * the cluster's API as seen from inside (its in-process API under Moat's listener). Only {@code
 * kubectl} commands are supported ([EMU]: Azure's pod image also has helm, jq, bash). Results are
 * kept in memory, as they are short-lived on Azure too.
 */
public final class RunCommandProvider implements ResourceProvider {
  static final ResourceType CLUSTERS =
      ResourceType.of("Microsoft.ContainerService/managedClusters");
  private static final List<String> API_VERSIONS =
      List.of(
          "2022-11-01",
          "2023-01-01",
          "2023-05-01",
          "2023-08-01",
          "2024-01-01",
          "2024-05-01",
          "2024-09-01",
          "2025-01-01",
          "2025-05-01",
          "2025-07-01",
          "2025-09-01",
          "2025-10-01",
          "2026-01-01",
          "2026-03-01",
          "2026-07-01",
          "2026-08-01",
          "2026-10-01",
          "2026-04-02-preview",
          "2026-08-02-preview");

  private final ProviderContext context;
  private final KubectlRunner kubectl;
  private final Map<String, CommandResult> results = new ConcurrentHashMap<>();

  public RunCommandProvider(ProviderContext context, KubectlRunner kubectl) {
    this.context = context;
    this.kubectl = kubectl;
  }

  @Override
  public String namespace() {
    return CLUSTERS.namespace();
  }

  @Override
  public List<ArmOperation> operations() {
    List<ArmOperation> ops = new java.util.ArrayList<>();
    ops.addAll(
        OperationTableBuilder.forType(CLUSTERS, API_VERSIONS)
            .action("runCommand", this::run)
            .build());
    ops.addAll(
        OperationTableBuilder.forType(CLUSTERS.child("commandResults"), API_VERSIONS)
            .item("GET", this::result)
            .build());
    return ops;
  }

  private ArmResponse run(ArmRequest request) {
    ResourceId cluster = request.parent();
    if (context.documents().get(cluster).isEmpty()) {
      throw CommonError.RESOURCE_NOT_FOUND.exception(
          "Microsoft.ContainerService/managedClusters/" + cluster.name(),
          cluster.resourceGroup().orElse(""));
    }
    Body body = request.body(Body.class);
    if (body.command() == null || body.command().isBlank()) {
      throw CommonError.INVALID_PARAMETER.exception("command is required for runCommand.");
    }
    Instant started = context.clock().instant();
    Principal caller = request.caller();
    KubectlRunner.Result r = kubectl.run(cluster, caller, body.command(), request.baseUri());
    String id = UUID.randomUUID().toString().replace("-", "");
    ResourceId resultId = cluster.child("commandResults", id);
    CommandResult result =
        new CommandResult(
            resultId.toString(),
            id,
            new CommandResult.Properties(
                "Succeeded", r.exitCode(), started, context.clock().instant(), r.output(), null));
    results.put(id, result);
    return ArmResponse.accepted()
        .withHeaders(
            Map.of(
                "Location", request.baseUri() + resultId + "?api-version=" + request.apiVersion()))
        .withHeaders(RetryAfter.soon());
  }

  private ArmResponse result(ArmRequest request) {
    CommandResult r = results.get(request.id().name());
    if (r == null) {
      throw CommonError.NOT_FOUND_PATH.exception(request.http().path());
    }
    return ArmResponse.ok(r);
  }

  /** The runCommand request body. */
  record Body(String command, String context, String clusterToken) {}

  /** A {@code RunCommandResult}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CommandResult(String id, String name, Properties properties) {
    record Properties(
        String provisioningState,
        int exitCode,
        Instant startedAt,
        Instant finishedAt,
        String logs,
        String reason) {}
  }

  /** Bounds a command's run. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);
}
