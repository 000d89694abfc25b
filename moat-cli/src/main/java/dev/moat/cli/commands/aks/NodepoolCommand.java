package dev.moat.cli.commands.aks;

import static dev.moat.cli.commands.aks.PoolOptions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code az aks nodepool}: the agent pools of a managed cluster. Every command is an option table
 * ({@link TableCommand}); the option lists are az's ({@code acs/_params.py}), and what each option
 * sends is az's agent-pool property ({@code agentpool_decorator.py}).
 */
@Command(
    name = "nodepool",
    description = "Commands to manage node pools in Kubernetes kubernetes cluster.")
public final class NodepoolCommand extends CommandGroup {
  private static final Opt NODE_COUNT =
      Opt.integer("--node-count", "-c").help("Number of nodes in the Kubernetes node pool.");

  public NodepoolCommand(CliContext context) {
    super(context);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return List.of(
        new TableCommand(
            "add", "Add a node pool to the managed Kubernetes cluster.", addOptions(), this::add),
        new TableCommand(
            "show",
            "Show the details for a node pool in the managed Kubernetes cluster.",
            POOL,
            this::show),
        new TableCommand(
            "list",
            "List node pools in the managed Kubernetes cluster.",
            List.of(GROUP, CLUSTER),
            this::list),
        new TableCommand(
            "delete",
            "Delete the agent pool in the managed Kubernetes cluster.",
            concat(
                POOL,
                Opt.flag("--ignore-pdb", "-i", "--ignore-pod-disruption-budget")
                    .help("Delete the node pool ignoring pod disruption budgets."),
                IF_MATCH,
                NO_WAIT),
            this::delete),
        new TableCommand(
            "scale",
            "Scale the node pool in a managed Kubernetes cluster.",
            concat(POOL, NODE_COUNT.def("3"), NO_WAIT),
            this::scale),
        new TableCommand(
            "upgrade",
            "Upgrade the node pool in a managed Kubernetes cluster.",
            concat(
                POOL,
                VERSION_OPT,
                Opt.flag("--node-image-only").help("Only upgrade the node image of the pool."),
                MAX_SURGE,
                MAX_UNAVAILABLE,
                DRAIN_TIMEOUT,
                SOAK,
                UNDRAINABLE,
                Opt.str("--snapshot-id")
                    .check(v -> PoolOptions.resourceId("--snapshot-id", (String) v))
                    .help("The source snapshot id used to upgrade this nodepool."),
                HEADERS_OPT,
                Opt.flag("--yes", "-y").help("Do not prompt for confirmation."),
                IF_MATCH,
                IF_NONE_MATCH,
                NO_WAIT),
            this::upgrade),
        new TableCommand(
            "update", "Update a node pool properties.", updateOptions(), this::update));
  }

  private static List<Opt> addOptions() {
    return concat(
        POOL,
        VERSION_OPT,
        Opt.str("--node-vm-size", "-s").help("Size of Virtual Machines to create as nodes."),
        Opt.str("--vm-sizes").help("Comma-separated VM sizes for a VirtualMachines pool."),
        Opt.str("--vm-set-type")
            .check(PoolOptions::vmSetType)
            .help(
                "Agent pool vm set type: VirtualMachineScaleSets, AvailabilitySet or VirtualMachines."),
        Opt.choice("--os-type", "Linux", "Windows").def("Linux").help("The OS type."),
        Opt.choice("--os-sku", Clusters.OS_SKUS).help("The OS SKU of the agent node pool."),
        id("--snapshot-id", "The source snapshot id used to create this nodepool."),
        id("--vnet-subnet-id", "The ID of a subnet in an existing VNet for the node pool."),
        id("--pod-subnet-id", "The ID of a subnet for the pods of the node pool."),
        Opt.choice("--pod-ip-allocation-mode", "DynamicIndividual", "StaticBlock")
            .help("Pod IP allocation mode."),
        Opt.flag("--enable-node-public-ip").help("Enable VMSS node public IP."),
        Opt.str("--node-public-ip-prefix-id").help("Public IP prefix ID for node public IPs."),
        Opt.kv("--node-public-ip-tags").help("IP tags of the node public IPs: type=tag ..."),
        Opt.flag("--enable-cluster-autoscaler", "-e").help("Enable the cluster autoscaler."),
        MIN_COUNT,
        MAX_COUNT,
        NODE_COUNT.def("3"),
        Opt.choice("--priority", "Regular", "Spot").def("Regular").help("The VM priority."),
        Opt.choice("--eviction-policy", "Delete", "Deallocate")
            .def("Delete")
            .help("The eviction policy of Spot nodes."),
        Opt.decimal("--spot-max-price")
            .check(PoolOptions::spotPrice)
            .help("Maximum price for Spot VMs (-1: up to the on-demand price)."),
        LABELS,
        TAGS,
        TAINTS,
        Opt.choice("--node-osdisk-type", "Managed", "Ephemeral").help("OS disk type."),
        Opt.integer("--node-osdisk-size").help("OS disk size in GB."),
        MAX_SURGE,
        MAX_UNAVAILABLE,
        DRAIN_TIMEOUT,
        SOAK,
        UNDRAINABLE,
        MODE.def("User"),
        Opt.integer("--gateway-prefix-size")
            .check(
                (Integer v) ->
                    v < 28 || v > 31 ? "--gateway-prefix-size must be in the range [28, 31]" : null)
            .help("Public IP prefix size of a Gateway-mode pool."),
        SCALE_DOWN.def("Delete"),
        Opt.integer("--max-pods", "-m").help("The maximum number of pods deployable to a node."),
        Opt.list("--zones", "-z").check(PoolOptions::zones).help("Availability zones: 1 2 3."),
        Opt.str("--ppg")
            .check(v -> PoolOptions.resourceId("--ppg", (String) v))
            .help("The ID of a proximity placement group."),
        Opt.flag("--enable-encryption-at-host").help("Enable encryption at host."),
        Opt.flag("--enable-ultra-ssd").help("Enable UltraSSD."),
        Opt.flag("--enable-fips-image").help("Use a FIPS-enabled OS."),
        Opt.flag("--disable-windows-outbound-nat").help("Disable outbound NAT on Windows nodes."),
        Opt.str("--kubelet-config").help("Path to a JSON file with the kubelet configuration."),
        Opt.str("--linux-os-config").help("Path to a JSON file with the Linux OS configuration."),
        id("--host-group-id", "The dedicated host group ID."),
        id("--crg-id", "The capacity reservation group ID."),
        Opt.choice("--gpu-instance-profile", "MIG1g", "MIG2g", "MIG3g", "MIG4g", "MIG7g")
            .help("GPU instance profile."),
        GPU_DRIVER,
        HOST_PORTS,
        ASG_IDS,
        Opt.str("--message-of-the-day").help("Path to a file with the message of the day."),
        Opt.choice(
                "--workload-runtime",
                "OCIContainer",
                "WasmWasi",
                "KataMshvVmIsolation",
                "KataVmIsolation")
            .help("The workload runtime."),
        Opt.flag("--enable-vtpm").help("Enable vTPM (trusted launch)."),
        Opt.flag("--enable-secure-boot").help("Enable secure boot (trusted launch)."),
        LOCALDNS,
        HEADERS_OPT,
        IF_MATCH,
        IF_NONE_MATCH,
        NO_WAIT);
  }

  private static List<Opt> updateOptions() {
    return concat(
        POOL,
        Opt.flag("--enable-cluster-autoscaler", "-e").help("Enable the cluster autoscaler."),
        Opt.flag("--disable-cluster-autoscaler", "-d").help("Disable the cluster autoscaler."),
        Opt.flag("--update-cluster-autoscaler", "-u").help("Change the autoscaler's counts."),
        MIN_COUNT,
        MAX_COUNT,
        LABELS,
        TAGS,
        TAINTS,
        MAX_SURGE,
        MAX_UNAVAILABLE,
        DRAIN_TIMEOUT,
        SOAK,
        UNDRAINABLE,
        MODE,
        SCALE_DOWN,
        HOST_PORTS,
        ASG_IDS,
        Opt.choice("--os-sku", "AzureLinux", "AzureLinux3", "Ubuntu", "Ubuntu2204", "Ubuntu2404")
            .help("Migrate the OS SKU."),
        Opt.flag("--enable-fips-image").help("Switch to a FIPS-enabled OS."),
        Opt.flag("--disable-fips-image").help("Switch to a non-FIPS OS."),
        Opt.flag("--enable-vtpm").help("Enable vTPM."),
        Opt.flag("--disable-vtpm").help("Disable vTPM."),
        Opt.flag("--enable-secure-boot").help("Enable secure boot."),
        Opt.flag("--disable-secure-boot").help("Disable secure boot."),
        LOCALDNS,
        GPU_DRIVER,
        HEADERS_OPT,
        IF_MATCH,
        IF_NONE_MATCH,
        NO_WAIT);
  }

  private static Opt id(String name, String help) {
    return Opt.str(name).check(v -> PoolOptions.resourceId(name, (String) v)).help(help);
  }

  private static List<Opt> concat(List<Opt> first, Opt... more) {
    return Stream.concat(first.stream(), Stream.of(more)).toList();
  }

  private String path(Args a) {
    return Clusters.poolPath(
        arm, a.str("--resource-group"), a.str("--cluster-name"), a.str("--nodepool-name"));
  }

  private int show(Args a) {
    Clusters.previewWarnings(context);
    context.printResource(arm.show(path(a), Clusters.V));
    return 0;
  }

  private int list(Args a) {
    Clusters.previewWarnings(context);
    String cluster = Clusters.path(arm, a.str("--resource-group"), a.str("--cluster-name"));
    context.printResource(arm.list(cluster + "/agentPools", Clusters.V));
    return 0;
  }

  private int delete(Args a) {
    Clusters.previewWarnings(context);
    String path = path(a);
    if (a.on("--ignore-pdb")) {
      path += "?ignore-pod-disruption-budget=true";
    }
    arm.delete(path, Clusters.V, a.on("--no-wait"));
    return 0;
  }

  private int add(Args a) {
    Clusters.previewWarnings(context);
    autoscalerCounts(a, a.on("--enable-cluster-autoscaler"));
    if (a.given("--spot-max-price") && !"Spot".equals(a.str("--priority"))) {
      throw CliException.command("--spot_max_price can only be set when --priority is Spot");
    }
    if (a.given("--gateway-prefix-size") && !"Gateway".equals(a.str("--mode"))) {
      throw CliException.command(
          "--gateway-prefix-size can only be set for Gateway-mode nodepools");
    }
    if (a.given("--asg-ids") && !a.given("--allowed-host-ports")) {
      throw CliException.command("--asg-ids must be used with --allowed-host-ports");
    }
    ObjectNode body = Json.object();
    ObjectNode p = body.putObject("properties");
    p.put("count", a.integer("--node-count"));
    p.put("vmSize", a.given("--node-vm-size") ? a.str("--node-vm-size") : "Standard_DS2_v2");
    p.put("osType", a.str("--os-type"));
    p.put("type", a.given("--vm-set-type") ? a.str("--vm-set-type") : "VirtualMachineScaleSets");
    p.put("mode", a.str("--mode"));
    p.put("scaleDownMode", a.str("--scale-down-mode"));
    putIf(p, "orchestratorVersion", version(a));
    putIf(p, "osSKU", a.str("--os-sku"));
    putIf(p, "vnetSubnetID", a.str("--vnet-subnet-id"));
    putIf(p, "podSubnetID", a.str("--pod-subnet-id"));
    putIf(p, "podIPAllocationMode", a.str("--pod-ip-allocation-mode"));
    putIf(p, "nodePublicIPPrefixID", a.str("--node-public-ip-prefix-id"));
    putIf(p, "proximityPlacementGroupID", a.str("--ppg"));
    putIf(p, "hostGroupID", a.str("--host-group-id"));
    putIf(p, "capacityReservationGroupID", a.str("--crg-id"));
    putIf(p, "gpuInstanceProfile", a.str("--gpu-instance-profile"));
    putIf(p, "workloadRuntime", a.str("--workload-runtime"));
    putIf(p, "osDiskType", a.str("--node-osdisk-type"));
    if (a.given("--node-osdisk-size")) {
      p.put("osDiskSizeGB", a.integer("--node-osdisk-size"));
    }
    if (a.given("--max-pods")) {
      p.put("maxPods", a.integer("--max-pods"));
    }
    if (a.given("--snapshot-id")) {
      p.putObject("creationData").put("sourceResourceId", a.str("--snapshot-id"));
    }
    if (a.given("--vm-sizes")) {
      ArrayNode sizes = p.putObject("virtualMachinesProfile").putObject("scale").putArray("manual");
      ObjectNode manual = sizes.addObject();
      Stream.of(a.str("--vm-sizes").split(","))
          .map(String::strip)
          .forEach(manual.putArray("sizes")::add);
      manual.put("count", a.integer("--node-count"));
    }
    flagIf(p, "enableNodePublicIP", a, "--enable-node-public-ip");
    flagIf(p, "enableEncryptionAtHost", a, "--enable-encryption-at-host");
    flagIf(p, "enableUltraSSD", a, "--enable-ultra-ssd");
    flagIf(p, "enableFIPS", a, "--enable-fips-image");
    if (a.on("--enable-cluster-autoscaler")) {
      p.put("enableAutoScaling", true);
      p.put("minCount", a.integer("--min-count"));
      p.put("maxCount", a.integer("--max-count"));
    }
    if ("Spot".equals(a.str("--priority"))) {
      p.put("scaleSetPriority", "Spot");
      p.put("scaleSetEvictionPolicy", a.str("--eviction-policy"));
      p.put("spotMaxPrice", a.given("--spot-max-price") ? a.decimal("--spot-max-price") : -1.0);
    }
    if (a.given("--zones")) {
      ArrayNode zones = p.putArray("availabilityZones");
      a.list("--zones").forEach(zones::add);
    }
    if (a.on("--disable-windows-outbound-nat")) {
      p.putObject("windowsProfile").put("disableOutboundNat", true);
    }
    if (a.given("--gateway-prefix-size")) {
      p.putObject("gatewayProfile").put("publicIPPrefixSize", a.integer("--gateway-prefix-size"));
    }
    if (a.given("--gpu-driver")) {
      p.putObject("gpuProfile").put("driver", a.str("--gpu-driver"));
    }
    if (a.given("--node-public-ip-tags")) {
      ArrayNode tags = p.withObject("networkProfile").putArray("nodePublicIPTags");
      ObjectNode parsed = Tags.parse(a.list("--node-public-ip-tags"));
      parsed
          .fields()
          .forEachRemaining(
              e -> tags.addObject().put("ipTagType", e.getKey()).put("tag", e.getValue().asText()));
    }
    if (a.on("--enable-vtpm") || a.on("--enable-secure-boot")) {
      ObjectNode security = p.putObject("securityProfile");
      flagIf(security, "enableVTPM", a, "--enable-vtpm");
      flagIf(security, "enableSecureBoot", a, "--enable-secure-boot");
    }
    if (a.given("--message-of-the-day")) {
      p.put(
          "messageOfTheDay",
          Base64.getEncoder().encodeToString(readFile(a.str("--message-of-the-day")).getBytes()));
    }
    jsonFileIf(p, "kubeletConfig", a, "--kubelet-config");
    jsonFileIf(p, "linuxOSConfig", a, "--linux-os-config");
    commonSettings(p, a);
    Tags.apply(p, a.list("--tags"));
    JsonNode result = arm.put(path(a), Clusters.V, body, a.on("--no-wait"));
    if (!a.on("--no-wait")) {
      context.printResource(result);
    }
    return 0;
  }

  private int scale(Args a) {
    Clusters.previewWarnings(context);
    ObjectNode pool = (ObjectNode) arm.show(path(a), Clusters.V).deepCopy();
    ObjectNode p = pool.withObject("properties");
    if (p.path("enableAutoScaling").asBoolean(false)) {
      throw CliException.command("Cannot scale cluster autoscaler enabled node pool.");
    }
    int count = a.integer("--node-count");
    if (p.path("count").asInt(-1) == count) {
      throw CliException.command("The new node count is the same as the current node count.");
    }
    p.put("count", count);
    putPool(a, pool);
    return 0;
  }

  private int upgrade(Args a) {
    Clusters.previewWarnings(context);
    boolean imageOnly = a.on("--node-image-only");
    if (imageOnly && a.given("--kubernetes-version") && !a.str("--kubernetes-version").isEmpty()) {
      throw CliException.command(
          "Conflicting flags. Upgrading the Kubernetes version will also upgrade node image"
              + " version. If you only want to upgrade the node version please use the"
              + " \"--node-image-only\" option only.");
    }
    if (imageOnly
        && Stream.of("--max-surge", "--drain-timeout", "--node-soak-duration", "--max-unavailable")
            .anyMatch(a::given)) {
      throw CliException.command(
          "Conflicting flags. Unable to specify max-surge/drain-timeout/node-soak-duration/"
              + "max-unavailable with node-image-only.If you want to use max-surge/drain-timeout/"
              + "node-soak-duration with a node image upgrade, please first update max-surge/"
              + "drain-timeout/node-soak-duration/max-unavailable using \"az aks nodepool update"
              + " --max-surge/--drain-timeout/--node-soak-duration/--max-unavailable\".");
    }
    if (imageOnly) {
      JsonNode result =
          arm.post(path(a) + "/upgradeNodeImageVersion", Clusters.V, null, a.on("--no-wait"));
      if (!a.on("--no-wait")) {
        context.printResource(result);
      }
      return 0;
    }
    ObjectNode pool = (ObjectNode) arm.show(path(a), Clusters.V).deepCopy();
    ObjectNode p = pool.withObject("properties");
    String version = version(a);
    if (version != null && !version.isEmpty()) {
      p.put("orchestratorVersion", version);
    }
    if (a.given("--snapshot-id")) {
      p.putObject("creationData").put("sourceResourceId", a.str("--snapshot-id"));
    }
    commonSettings(p, a);
    putPool(a, pool);
    return 0;
  }

  private int update(Args a) {
    Clusters.previewWarnings(context);
    List<String> scalerFlags =
        Stream.of(
                "--enable-cluster-autoscaler",
                "--disable-cluster-autoscaler",
                "--update-cluster-autoscaler")
            .filter(a::on)
            .toList();
    if (scalerFlags.size() > 1) {
      throw CliException.command(
          "Can only specify one of --enable-cluster-autoscaler, --update-cluster-autoscaler and"
              + " --disable-cluster-autoscaler");
    }
    boolean counts = a.on("--enable-cluster-autoscaler") || a.on("--update-cluster-autoscaler");
    if (!counts && (a.given("--min-count") || a.given("--max-count"))) {
      throw CliException.command(
          "min-count and max-count are required for --enable-cluster-autoscaler, please use the"
              + " flag");
    }
    autoscalerCounts(a, counts);
    for (String feature : List.of("fips-image", "vtpm", "secure-boot")) {
      if (a.on("--enable-" + feature) && a.on("--disable-" + feature)) {
        throw CliException.command(
            "Cannot specify --enable-"
                + feature
                + " and --disable-"
                + feature
                + " at the same time.");
      }
    }
    if (a.given("--asg-ids") && !a.given("--allowed-host-ports")) {
      throw CliException.command("--asg-ids must be used with --allowed-host-ports");
    }
    ObjectNode pool = (ObjectNode) arm.show(path(a), Clusters.V).deepCopy();
    ObjectNode p = pool.withObject("properties");
    if (counts) {
      p.put("enableAutoScaling", true);
      p.put("minCount", a.integer("--min-count"));
      p.put("maxCount", a.integer("--max-count"));
    } else if (a.on("--disable-cluster-autoscaler")) {
      p.put("enableAutoScaling", false);
      p.putNull("minCount");
      p.putNull("maxCount");
    }
    if (a.given("--labels")) {
      p.set("nodeLabels", Tags.parse(a.list("--labels")));
    }
    if (a.given("--tags")) {
      p.set("tags", Tags.parse(a.list("--tags")));
    }
    putIf(p, "mode", a.str("--mode"));
    putIf(p, "scaleDownMode", a.str("--scale-down-mode"));
    putIf(p, "osSKU", a.str("--os-sku"));
    if (a.on("--enable-fips-image") || a.on("--disable-fips-image")) {
      p.put("enableFIPS", a.on("--enable-fips-image"));
    }
    for (String feature : List.of("vtpm", "secure-boot")) {
      if (a.on("--enable-" + feature) || a.on("--disable-" + feature)) {
        p.withObject("securityProfile")
            .put(
                feature.equals("vtpm") ? "enableVTPM" : "enableSecureBoot",
                a.on("--enable-" + feature));
      }
    }
    if (a.given("--gpu-driver")) {
      p.withObject("gpuProfile").put("driver", a.str("--gpu-driver"));
    }
    commonSettings(p, a);
    putPool(a, pool);
    return 0;
  }

  /** The settings add, update and upgrade share: taints, upgrade settings, ports, DNS. */
  private void commonSettings(ObjectNode p, Args a) {
    if (a.given("--node-taints")) {
      ArrayNode taints = p.putArray("nodeTaints");
      Stream.of(a.str("--node-taints").split(","))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(taints::add);
    }
    if (a.given("--labels") && !p.has("nodeLabels")) {
      p.set("nodeLabels", Tags.parse(a.list("--labels")));
    }
    ObjectNode upgrade = Json.object();
    putIf(upgrade, "maxSurge", a.str("--max-surge"));
    putIf(upgrade, "maxUnavailable", a.str("--max-unavailable"));
    putIf(upgrade, "undrainableNodeBehavior", a.str("--undrainable-node-behavior"));
    if (a.given("--drain-timeout")) {
      upgrade.put("drainTimeoutInMinutes", a.integer("--drain-timeout"));
    }
    if (a.given("--node-soak-duration")) {
      upgrade.put("nodeSoakDurationInMinutes", a.integer("--node-soak-duration"));
    }
    if (!upgrade.isEmpty()) {
      p.withObject("upgradeSettings").setAll(upgrade);
    }
    if (a.given("--allowed-host-ports")) {
      ArrayNode ports = p.withObject("networkProfile").putArray("allowedHostPorts");
      for (String v : a.list("--allowed-host-ports")) {
        String[] range = v.split("/")[0].split("-");
        ports
            .addObject()
            .put("portStart", Integer.parseInt(range[0]))
            .put("portEnd", Integer.parseInt(range[range.length - 1]))
            .put("protocol", v.split("/")[1].toUpperCase(java.util.Locale.ROOT));
      }
    }
    if (a.given("--asg-ids")) {
      ArrayNode asgs = p.withObject("networkProfile").putArray("applicationSecurityGroups");
      a.list("--asg-ids").forEach(asgs::add);
    }
    jsonFileIf(p, "localDNSProfile", a, "--localdns-config");
  }

  /** az's decorator checks of the autoscaler counts. */
  private static void autoscalerCounts(Args a, boolean enabled) {
    if (!enabled) {
      return;
    }
    Integer min = a.integer("--min-count");
    Integer max = a.integer("--max-count");
    if (min == null || max == null) {
      throw CliException.command(
          "Please specify both min-count and max-count when --enable-cluster-autoscaler enabled");
    }
    if (min > max) {
      throw CliException.command(
          "Value of min-count should be less than or equal to value of max-count");
    }
    Integer count = a.given("--node-count") ? a.integer("--node-count") : null;
    if (count != null && (count < min || count > max)) {
      throw CliException.command("node-count is not in the range of min-count and max-count");
    }
    if (min == 0 && "System".equals(a.str("--mode"))) {
      throw CliException.command(
          "Value of min-count should be greater than or equal to 1 for System node pools");
    }
  }

  /** Sends a changed pool back (az's PUT of the whole agent pool) and prints the result. */
  private void putPool(Args a, ObjectNode pool) {
    for (String ro : List.of("id", "name", "type", "etag", "eTag")) {
      pool.remove(ro);
    }
    ObjectNode p = pool.withObject("properties");
    for (String ro :
        List.of(
            "provisioningState",
            "powerState",
            "currentOrchestratorVersion",
            "nodeImageVersion",
            "eTag")) {
      p.remove(ro);
    }
    JsonNode result = arm.put(path(a), Clusters.V, pool, a.on("--no-wait"));
    if (!a.on("--no-wait")) {
      context.printResource(result);
    }
  }

  private static String version(Args a) {
    String v = a.str("--kubernetes-version");
    return v == null ? null : PoolOptions.bareVersion(v);
  }

  private static void putIf(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static void flagIf(ObjectNode node, String field, Args a, String option) {
    if (a.on(option)) {
      node.put(field, true);
    }
  }

  private static String readFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw CliException.command("Can not read file '" + path + "': " + e.getMessage());
    }
  }

  private static void jsonFileIf(ObjectNode node, String field, Args a, String option) {
    if (a.given(option)) {
      String text = readFile(a.str(option));
      node.set(field, Json.parseArgument(option, text));
    }
  }
}
