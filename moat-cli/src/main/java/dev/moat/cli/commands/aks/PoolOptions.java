package dev.moat.cli.commands.aks;

import dev.moat.cli.commands.Target;
import dev.moat.cli.options.Opt;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of {@code az aks nodepool ...} that several commands share, with az's validators
 * ({@code acs/_params.py} context {@code aks nodepool}, {@code acs/_validators.py}).
 */
final class PoolOptions {
  private PoolOptions() {}

  static final String HEADERS =
      "Moat's CLI sends no custom request headers; AKS custom headers select preview behaviour"
          + " Moat does not model.";
  static final String ETAGS =
      "Moat's CLI sends no If-Match/If-None-Match preconditions on node pools yet.";

  private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+\\.\\d+(?:\\.\\d+)?)$");
  private static final Pattern TAINT =
      Pattern.compile(
          "^[a-zA-Z\\d][\\w\\-./]{0,252}=[a-zA-Z\\d][\\w\\-.]{0,62}:(NoSchedule|PreferNoSchedule|NoExecute)$");
  private static final Pattern SURGE = Pattern.compile("^(\\d+)%?$");

  static final Opt GROUP =
      Opt.str("--resource-group", "-g").required().help("Name of resource group.");
  static final Opt CLUSTER = Opt.str("--cluster-name").required().help("The cluster name.");
  static final Opt NAME =
      Opt.str("--nodepool-name", "--name", "-n")
          .required()
          .check(PoolOptions::poolName)
          .help("The node pool name.");
  static final Opt NO_WAIT =
      Opt.flag("--no-wait").help("Do not wait for the long-running operation to finish.");
  static final Opt VERSION_OPT =
      Opt.str("--kubernetes-version", "-k")
          .check(PoolOptions::version)
          .help("Version of Kubernetes to use for the node pool.");
  static final Opt MIN_COUNT =
      Opt.integer("--min-count").range(0, 1000).help("Minimum nodes for the cluster autoscaler.");
  static final Opt MAX_COUNT =
      Opt.integer("--max-count").range(0, 1000).help("Maximum nodes for the cluster autoscaler.");
  static final Opt LABELS =
      Opt.kv("--labels").check(PoolOptions::labels).help("Node labels: key=value ...");
  static final Opt TAGS = Opt.kv("--tags").help("Space-separated tags: key[=value] ...");
  static final Opt TAINTS =
      Opt.str("--node-taints").check(PoolOptions::taints).help("Comma-separated node taints.");
  static final Opt MAX_SURGE =
      Opt.str("--max-surge").check(s -> surge("--max-surge", (String) s)).help("Upgrade surge.");
  static final Opt MAX_UNAVAILABLE =
      Opt.str("--max-unavailable")
          .check(s -> surge("--max-unavailable", (String) s))
          .help("Nodes that may be unavailable during an upgrade.");
  static final Opt DRAIN_TIMEOUT =
      Opt.integer("--drain-timeout").help("Per-node drain timeout, in minutes.");
  static final Opt SOAK =
      Opt.integer("--node-soak-duration").help("Wait between nodes, in minutes.");
  static final Opt UNDRAINABLE =
      Opt.choice("--undrainable-node-behavior", "Cordon", "Schedule")
          .help("What to do with nodes that cannot be drained.");
  static final Opt MODE =
      Opt.choice("--mode", "System", "User", "Gateway").help("The node pool's primary function.");
  static final Opt SCALE_DOWN =
      Opt.choice("--scale-down-mode", "Delete", "Deallocate").help("Scale-down behaviour.");
  static final Opt HOST_PORTS =
      Opt.list("--allowed-host-ports").check(PoolOptions::hostPorts).help("Allowed host ports.");
  static final Opt ASG_IDS = Opt.list("--asg-ids").help("Application security groups.");
  static final Opt LOCALDNS =
      Opt.str("--localdns-config").help("Path to a JSON file with the local DNS profile.");
  static final Opt GPU_DRIVER =
      Opt.choice("--gpu-driver", "Install", "None").help("Install the GPU driver or not.");
  static final Opt HEADERS_OPT = Opt.str("--aks-custom-headers").unsupported(HEADERS);
  static final Opt IF_MATCH = Opt.str("--if-match").unsupported(ETAGS);
  static final Opt IF_NONE_MATCH = Opt.str("--if-none-match").unsupported(ETAGS);

  /** The options naming one pool. */
  static final List<Opt> POOL = List.of(GROUP, CLUSTER, NAME);

  static String poolName(String name) {
    if (name.length() > 12) {
      return "--nodepool-name can contain at most 12 characters";
    }
    if (!name.chars().allMatch(Character::isLetterOrDigit) || !name.isEmpty() && !isAscii(name)) {
      return "--nodepool-name should contain only alphanumeric characters";
    }
    return null;
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 128);
  }

  static String version(String v) {
    return v.isEmpty() || VERSION.matcher(v).matches()
        ? null
        : "--kubernetes-version should be the full version number or major.minor version number,"
            + " such as \"1.7.12\" or \"1.7\"";
  }

  /** az strips a leading {@code v} from {@code -k} before sending it. */
  static String bareVersion(String v) {
    java.util.regex.Matcher m = VERSION.matcher(v);
    return m.matches() ? m.group(1) : v;
  }

  static String taints(String value) {
    for (String t : value.split(",")) {
      String taint = t.strip();
      if (!taint.isEmpty() && !TAINT.matcher(taint).matches()) {
        return "Invalid node taint: " + taint;
      }
    }
    return null;
  }

  static String labels(List<String> values) {
    for (String l : values) {
      if (!l.isEmpty() && l.indexOf('=') < 1) {
        return "Invalid label: " + l + ". Label definition must be of format name=value.";
      }
    }
    return null;
  }

  static String surge(String option, String value) {
    java.util.regex.Matcher m = SURGE.matcher(value.strip());
    if (!m.matches()) {
      return option + " should be an int or percentage";
    }
    return Integer.parseInt(m.group(1)) <= 0 ? option + " must be positive" : null;
  }

  static String hostPorts(List<String> values) {
    for (String v : values) {
      if (!v.matches("\\d+(-\\d+)?/(tcp|udp|TCP|UDP)")) {
        return "--allowed-host-ports must be a space-separated list of port ranges in the format"
            + " of <port-range>/<protocol>: '"
            + v
            + "'";
      }
    }
    return null;
  }

  static String vmSetType(String v) {
    return List.of("virtualmachinescalesets", "availabilityset", "virtualmachines")
            .contains(v.toLowerCase(java.util.Locale.ROOT))
        ? null
        : "--vm-set-type can only be VirtualMachineScaleSets or AvailabilitySet or VirtualMachines";
  }

  static String zones(List<String> values) {
    for (String z : values) {
      if (!List.of("1", "2", "3").contains(z)) {
        return "'" + z + "' is not a valid value for '--zones'. Allowed values: 1, 2, 3.";
      }
    }
    return null;
  }

  static String spotPrice(Double price) {
    if (price == -1.0) {
      return null;
    }
    if (price <= 0) {
      return "--spot_max_price can only be any decimal value greater than zero, or -1 which"
          + " indicates default price to be up-to on-demand";
    }
    return java.math.BigDecimal.valueOf(price).scale() > 5
        ? "--spot_max_price can only include up to 5 decimal places"
        : null;
  }

  static String resourceId(String option, String value) {
    return value.isEmpty() || Target.isResourceId(value)
        ? null
        : option + " is not a valid Azure resource ID.";
  }
}
