package dev.moat.kube.kubelet;

import java.time.Duration;
import java.util.Locale;

/**
 * The kubelet's event and status texts as kubectl 1.32 shows them ({@code pkg/kubelet/images},
 * {@code kuberuntime_container.go}; workloads.md §1.1).
 */
public final class KubeletTexts {
  private KubeletTexts() {}

  public static String pulling(String image) {
    return "Pulling image \"" + image + "\"";
  }

  /**
   * {@code Successfully pulled image "X" in 1.393s (1.393s including waiting). Image size: N
   * bytes.}
   */
  public static String pulled(String image, Duration took, Duration waiting, long size) {
    return "Successfully pulled image \""
        + image
        + "\" in "
        + seconds(took)
        + " ("
        + seconds(waiting)
        + " including waiting). Image size: "
        + size
        + " bytes.";
  }

  public static String alreadyPresent(String image) {
    return "Container image \"" + image + "\" already present on machine";
  }

  public static String failedToPull(String image, String error) {
    return "Failed to pull image \"" + image + "\": " + error;
  }

  public static String backOff(String image) {
    return "Back-off pulling image \"" + image + "\"";
  }

  /** The waiting message during back-off (1.32+: carries the previous pull error). */
  public static String backOffMessage(String image, String previousError) {
    return backOff(image) + ": ErrImagePull: " + previousError;
  }

  public static String neverPull(String image) {
    return "Container image \"" + image + "\" is not present with pull policy of Never";
  }

  public static String created(String container) {
    return "Created container: " + container;
  }

  public static String started(String container) {
    return "Started container " + container;
  }

  public static String killing(String container) {
    return "Stopping container " + container;
  }

  /**
   * Go's {@code time.Duration.String()} for the sub-minute durations pulls take: {@code 1.393s}.
   */
  static String seconds(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms == 0 ? d.toNanos() / 1000 + "µs" : ms + "ms";
    }
    String s = String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    return s + "s";
  }
}
