package dev.moat.kube.kubelet;

import dev.moat.kube.control.EventRecorder;
import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.FieldSelector;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.KubeException;
import dev.moat.kube.store.ListOptions;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime;
import dev.moat.platform.contracts.NodeRuntime.ImagePull;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelets of one cluster: for each pod bound to a node, what that node's kubelet does — pull
 * policy, image-present check against {@code Node.status.images}, a real pull through {@link
 * NodeRuntime} (the node's DNS view, network path and registry credentials), the events and
 * container states kubectl shows, the image pull back-off, and graceful deletion.
 *
 * <p>Moat runs no container processes: a container whose image the node really pulled is reported
 * running. Two kinds of pods end: the pods of a Job complete (exit code 0) right after their image
 * is verified, and {@code aks/canipull} (what {@code az aks check-acr} starts) is run natively
 * through {@link NodeRuntime#canipull}, its output recorded as the container's log and its exit
 * code as the container's. A NotReady node runs nothing; a node never reports an image it did not
 * pull.
 */
public final class Kubelets implements AutoCloseable {
  /** Node names to the spec each node was imaged with; supplied by node sync. */
  @FunctionalInterface
  public interface NodeSpecs {
    Optional<NodeSpec> spec(String node);
  }

  private static final String CANIPULL = "aks/canipull";

  /**
   * The pod worker's re-sync of a pod whose pull failed ({@code wait.Jitter(10s, 0.5)}, without the
   * jitter).
   */
  static final Duration RESYNC = Duration.ofSeconds(10);

  private final ClusterObjects objects;
  private final NodeRuntime runtime;
  private final NodeSpecs specs;
  private final EventRecorder events;
  private final Clock clock;
  private final KeyedLoop loop;
  private final ImageBackOff backOff = new ImageBackOff();
  private final PodAddresses addresses;
  private final ConcurrentHashMap<String, CompletableFuture<ImagePull>> inFlight =
      new ConcurrentHashMap<>();
  private final List<ClusterObjects.Registration> registrations = new ArrayList<>();

  public Kubelets(
      ClusterObjects objects,
      NodeRuntime runtime,
      NodeSpecs specs,
      EventRecorder events,
      Clock clock,
      Loops loops) {
    this.objects = objects;
    this.runtime = runtime;
    this.specs = specs;
    this.events = events;
    this.clock = clock;
    this.addresses = new PodAddresses(objects);
    this.loop = loops.create("kubelet", this::sync);
  }

  public void start() {
    registrations.add(
        objects.listen(
            Kinds.PODS,
            e -> {
              Pod p = e.object();
              if (p.getSpec() != null && p.getSpec().getNodeName() != null && needsSync(p)) {
                loop.add(key(p));
              }
            }));
    registrations.add(objects.listen(Kinds.NODES, e -> nodeChanged(e.object())));
    for (Pod p : objects.list(Kinds.PODS, ListOptions.all()).items()) {
      if (p.getSpec().getNodeName() != null) {
        loop.add(key(p));
      }
    }
  }

  /**
   * Whether a pod change is news to its kubelet: bound and not yet seen (no container statuses) or
   * being deleted. The kubelet's own status writes are not, or every write would trigger another
   * sync; the kubelet schedules its own re-syncs (back-off windows, {@link #RESYNC}).
   */
  private static boolean needsSync(Pod p) {
    return p.getMetadata().getDeletionTimestamp() != null
        || p.getStatus() == null
        || p.getStatus().getContainerStatuses() == null
        || p.getStatus().getContainerStatuses().isEmpty();
  }

  /** A node that became Ready runs its pods; re-syncing the others is harmless. */
  private void nodeChanged(Node n) {
    if (!ready(n)) {
      return;
    }
    objects
        .list(
            Kinds.PODS,
            ListOptions.all()
                .withFields(FieldSelector.equal("spec.nodeName", n.getMetadata().getName())))
        .items()
        .forEach(p -> loop.add(key(p)));
  }

  private static String key(Pod p) {
    return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
  }

  private Optional<Duration> sync(String key) {
    int slash = key.indexOf('/');
    String ns = key.substring(0, slash);
    String name = key.substring(slash + 1);
    Optional<Pod> found = objects.get(Kinds.PODS, ns, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Pod pod = found.get();
    String nodeName = pod.getSpec().getNodeName();
    if (nodeName == null || nodeName.isEmpty()) {
      return Optional.empty();
    }
    EventRecorder.Source source = new EventRecorder.Source("kubelet", nodeName);
    Optional<Node> node = objects.get(Kinds.NODES, null, nodeName);
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return stop(pod, source, node.isPresent() && ready(node.get()));
    }
    String phase = pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return Optional.empty();
    }
    Optional<NodeSpec> spec = specs.spec(nodeName);
    if (node.isEmpty() || !ready(node.get()) || spec.isEmpty()) {
      return Optional.empty(); // a NotReady node runs nothing; it is re-synced when Ready
    }
    return new PodSync(pod, node.get(), spec.get(), source).run();
  }

  /** Stops the pod's containers and removes it (the kubelet's part of graceful deletion). */
  private Optional<Duration> stop(Pod pod, EventRecorder.Source source, boolean nodeReady) {
    if (nodeReady && pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
        if (s.getState() != null && s.getState().getRunning() != null) {
          events.normal(
              pod,
              "spec.containers{" + s.getName() + "}",
              source,
              "Killing",
              KubeletTexts.killing(s.getName()));
        }
      }
    }
    backOff.forget(pod.getMetadata().getUid());
    try {
      objects.delete(
          Kinds.PODS,
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          new DeleteOptions(
              DeleteOptions.Propagation.BACKGROUND,
              Optional.of(0L),
              Optional.of(pod.getMetadata().getUid()),
              Optional.empty()));
    } catch (KubeException e) {
      if (e.code() != 404 && e.code() != 409) {
        throw e;
      }
    }
    return Optional.empty();
  }

  /** One sync of one pod. */
  private final class PodSync {
    private final Pod pod;
    private final Node node;
    private final NodeSpec spec;
    private final EventRecorder.Source source;
    private final String uid;
    private Instant wakeAt;
    private String ip;

    /** Events of this sync, recorded together before the next write or pull. */
    private final List<EventRecorder.Note> notes = new ArrayList<>();

    private void note(String type, String field, String reason, String message) {
      notes.add(new EventRecorder.Note(pod, field, type, reason, message));
    }

    /** Records the sync's events so far, in one write transaction. */
    private void flush() {
      events.recordAll(source, List.copyOf(notes));
      notes.clear();
    }

    PodSync(Pod pod, Node node, NodeSpec spec, EventRecorder.Source source) {
      this.pod = pod;
      this.node = node;
      this.spec = spec;
      this.source = source;
      this.uid = pod.getMetadata().getUid();
    }

    Optional<Duration> run() {
      List<ContainerStatus> statuses = new ArrayList<>();
      List<ContainerStatus> previous =
          pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
              ? List.of()
              : pod.getStatus().getContainerStatuses();
      if (previous.isEmpty() && needsPull()) {
        // First sync with a pull ahead: the pod gets its address and shows ContainerCreating
        // before the pull. With every image present the containers start at once, and one status
        // write says so (the kubelet's status manager also writes only the latest status).
        for (Container c : pod.getSpec().getContainers()) {
          statuses.add(waiting(c, "ContainerCreating", null));
        }
        write(statuses);
        statuses.clear();
      }
      for (Container c : pod.getSpec().getContainers()) {
        ContainerStatus before =
            previous.stream().filter(s -> s.getName().equals(c.getName())).findFirst().orElse(null);
        if (before != null
            && before.getState() != null
            && (before.getState().getRunning() != null
                || before.getState().getTerminated() != null)) {
          statuses.add(before);
          continue;
        }
        statuses.add(container(c, before));
      }
      write(statuses);
      if (wakeAt == null) {
        return Optional.empty();
      }
      Duration d = Duration.between(clock.instant(), wakeAt);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }

    /** Whether some container's image must be fetched (pull policy and the node's images). */
    private boolean needsPull() {
      for (Container c : pod.getSpec().getContainers()) {
        String policy =
            c.getImagePullPolicy() == null
                ? ImageRef.defaultPullPolicy(c.getImage())
                : c.getImagePullPolicy();
        boolean present = present(node, c.getImage()).isPresent();
        if ("Always".equals(policy) || (!present && !"Never".equals(policy))) {
          return true;
        }
      }
      return false;
    }

    private ContainerStatus container(Container c, ContainerStatus before) {
      String image = c.getImage();
      String field = "spec.containers{" + c.getName() + "}";
      String policy =
          c.getImagePullPolicy() == null
              ? ImageRef.defaultPullPolicy(image)
              : c.getImagePullPolicy();
      Optional<ContainerImage> present = present(node, image);
      if ("Never".equals(policy) && present.isEmpty()) {
        note("Warning", field, "ErrImageNeverPull", KubeletTexts.neverPull(image));
        note("Warning", field, "Failed", "Error: ErrImageNeverPull");
        return waiting(c, "ErrImageNeverPull", KubeletTexts.neverPull(image));
      }
      if (present.isPresent() && !"Always".equals(policy)) {
        note("Normal", field, "Pulled", KubeletTexts.alreadyPresent(image));
        return start(c, field, imageId(present.get(), image));
      }
      Instant now = clock.instant();
      restoreBackOff(field, image, before);
      Optional<Instant> window = backOff.inWindow(uid, image, now);
      if (window.isPresent()) {
        note("Normal", field, "BackOff", KubeletTexts.backOff(image));
        note("Warning", field, "Failed", "Error: ImagePullBackOff");
        wake(window.get());
        String previousError =
            before != null && before.getState() != null && before.getState().getWaiting() != null
                ? lastError(before)
                : "";
        return waiting(c, "ImagePullBackOff", KubeletTexts.backOffMessage(image, previousError));
      }
      note("Normal", field, "Pulling", KubeletTexts.pulling(image));
      Instant asked = clock.instant();
      flush(); // "Pulling" shows while the pull runs
      ImagePull pull = pull(spec, image);
      Duration waited = Duration.between(asked, clock.instant());
      switch (pull.result()) {
        case PULLED -> {
          backOff.succeeded(uid, image);
          recordImage(spec.nodeName(), pull);
          note(
              "Normal",
              field,
              "Pulled",
              KubeletTexts.pulled(
                  image,
                  pull.took(),
                  waited.compareTo(pull.took()) > 0 ? waited : pull.took(),
                  pull.sizeBytes()));
          return start(c, field, pull.imageId());
        }
        case INVALID_NAME -> {
          note("Warning", field, "InspectFailed", pull.error());
          note("Warning", field, "Failed", "Error: InvalidImageName");
          return waiting(c, "InvalidImageName", pull.error());
        }
        default -> {
          wake(backOff.failed(uid, image, clock.instant()));
          note("Warning", field, "Failed", KubeletTexts.failedToPull(image, pull.error()));
          note("Warning", field, "Failed", "Error: ErrImagePull");
          return waiting(c, "ErrImagePull", pull.error());
        }
      }
    }

    /** After a restart the in-memory window is gone: re-derive it from the pod's events. */
    private void restoreBackOff(String field, String image, ContainerStatus before) {
      if (before == null
          || before.getState() == null
          || before.getState().getWaiting() == null
          || backOff.known(uid, image)) {
        return;
      }
      String reason = before.getState().getWaiting().getReason();
      if (!"ErrImagePull".equals(reason) && !"ImagePullBackOff".equals(reason)) {
        return;
      }
      List<Event> failed =
          objects
              .list(
                  Kinds.EVENTS,
                  ListOptions.in(pod.getMetadata().getNamespace())
                      .withFields(FieldSelector.equal("involvedObject.uid", uid)))
              .items()
              .stream()
              .filter(
                  e ->
                      "Error: ErrImagePull".equals(e.getMessage())
                          && field.equals(e.getInvolvedObject().getFieldPath()))
              .toList();
      if (!failed.isEmpty()) {
        Event e = failed.get(0);
        backOff.restore(uid, image, e.getCount() == null ? 1 : e.getCount(), EventRecorder.last(e));
      }
    }

    private ContainerStatus start(Container c, String field, String imageId) {
      note("Normal", field, "Created", KubeletTexts.created(c.getName()));
      note("Normal", field, "Started", KubeletTexts.started(c.getName()));
      String now = now();
      ContainerStatusBuilder s =
          new ContainerStatusBuilder()
              .withName(c.getName())
              .withImage(c.getImage())
              .withImageID(imageId)
              .withContainerID("containerd://" + containerId(c))
              .withRestartCount(0)
              .withStarted(true);
      if (ImageRef.repository(c.getImage()).equals(CANIPULL)) {
        NodeRuntime.ProgramRun run = runtime.canipull(spec, acrArgument(c));
        StringBuilder log = new StringBuilder();
        run.output().forEach(l -> log.append(l).append('\n'));
        objects
            .logs()
            .append(
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(),
                c.getName(),
                log.toString());
        return s.withReady(false)
            .withStarted(false)
            .withState(terminated(run.exitCode(), now))
            .build();
      }
      if (ownedByJob()) {
        return s.withReady(false).withStarted(false).withState(terminated(0, now)).build();
      }
      return s.withReady(true)
          .withState(
              new ContainerStateBuilder().withNewRunning().withStartedAt(now).endRunning().build())
          .build();
    }

    private ContainerState terminated(int exit, String now) {
      return new ContainerStateBuilder()
          .withNewTerminated()
          .withExitCode(exit)
          .withReason(exit == 0 ? "Completed" : "Error")
          .withStartedAt(now)
          .withFinishedAt(now)
          .endTerminated()
          .build();
    }

    private boolean ownedByJob() {
      return pod.getMetadata().getOwnerReferences() != null
          && pod.getMetadata().getOwnerReferences().stream()
              .anyMatch(o -> "Job".equals(o.getKind()) && Boolean.TRUE.equals(o.getController()));
    }

    private String containerId(Container c) {
      return Integer.toHexString(Objects.hash(uid, c.getName()))
          + Long.toHexString(uid.hashCode() * 31L + c.getName().hashCode());
    }

    private ContainerStatus waiting(Container c, String reason, String message) {
      return new ContainerStatusBuilder()
          .withName(c.getName())
          .withImage(c.getImage())
          .withImageID("")
          .withReady(false)
          .withStarted(false)
          .withRestartCount(0)
          .withState(
              new ContainerStateBuilder()
                  .withNewWaiting()
                  .withReason(reason)
                  .withMessage(message)
                  .endWaiting()
                  .build())
          .build();
    }

    private void wake(Instant windowEnd) {
      Instant resync = clock.instant().plus(RESYNC);
      Instant at = windowEnd.isBefore(resync) ? windowEnd : resync;
      if (wakeAt == null || at.isBefore(wakeAt)) {
        wakeAt = at;
      }
    }

    private void write(List<ContainerStatus> statuses) {
      flush();
      String restart = pod.getSpec().getRestartPolicy();
      String phase = PodStatuses.phase(statuses, restart == null ? "Always" : restart);
      String now = now();
      if (ip == null) {
        ip = addresses.address(pod, node);
      }
      String podIp = ip;
      List<ContainerStatus> finalStatuses = List.copyOf(statuses);
      Optional<Pod> written =
          objects.modify(
              Kinds.PODS,
              pod.getMetadata().getNamespace(),
              pod.getMetadata().getName(),
              true,
              p -> {
                if (!uid.equals(p.getMetadata().getUid())) {
                  return p;
                }
                var st = p.getStatus();
                st.setPhase(phase);
                st.setHostIP(spec.privateIpAddress());
                st.setHostIPs(
                    List.of(new io.fabric8.kubernetes.api.model.HostIP(spec.privateIpAddress())));
                st.setPodIP(podIp);
                st.setPodIPs(List.of(new PodIP(podIp)));
                if (st.getStartTime() == null) {
                  st.setStartTime(now);
                }
                st.setQosClass(st.getQosClass() == null ? "BestEffort" : st.getQosClass());
                st.setContainerStatuses(finalStatuses);
                st.setConditions(
                    PodStatuses.conditions(
                        finalStatuses,
                        phase,
                        st.getConditions() == null ? List.of() : st.getConditions(),
                        now));
                return p;
              });
      if (written.isEmpty() || !uid.equals(written.get().getMetadata().getUid())) {
        addresses.release(pod, node, podIp);
      }
    }
  }

  /** Pulls once per node and image at a time; concurrent pods wait for the same pull. */
  private ImagePull pull(NodeSpec spec, String image) {
    String k = spec.nodeName() + "|" + image;
    CompletableFuture<ImagePull> mine = new CompletableFuture<>();
    CompletableFuture<ImagePull> running = inFlight.putIfAbsent(k, mine);
    if (running != null) {
      return running.join();
    }
    try {
      mine.complete(runtime.pull(spec, image));
    } catch (RuntimeException e) {
      // A runtime crash is this pull's failure, shown to the user like any other.
      mine.complete(
          new ImagePull(
              NodeRuntime.PullResult.FAILED,
              ImageRef.normalize(image),
              "",
              0,
              String.valueOf(e.getMessage()),
              Duration.ZERO));
    } finally {
      inFlight.remove(k, mine);
    }
    return mine.join();
  }

  /** Adds a pulled image to {@code Node.status.images} (replacing an older digest of the name). */
  private void recordImage(String nodeName, ImagePull pull) {
    objects.modify(
        Kinds.NODES,
        null,
        nodeName,
        true,
        n -> {
          List<ContainerImage> images =
              new ArrayList<>(
                  n.getStatus().getImages() == null ? List.of() : n.getStatus().getImages());
          boolean same =
              images.stream()
                  .anyMatch(i -> i.getNames() != null && i.getNames().contains(pull.imageId()));
          if (!same) {
            images.removeIf(i -> i.getNames() != null && i.getNames().contains(pull.reference()));
            images.add(
                new ContainerImage(List.of(pull.imageId(), pull.reference()), pull.sizeBytes()));
            n.getStatus().setImages(images);
          }
          return n;
        });
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The last pull error, from the waiting message of the previous status. */
  private static String lastError(ContainerStatus s) {
    String m = s.getState().getWaiting().getMessage();
    if (m == null) {
      return "";
    }
    int i = m.indexOf(": ErrImagePull: ");
    return i >= 0 ? m.substring(i + ": ErrImagePull: ".length()) : m;
  }

  /** canipull's ACR argument: its last non-flag argument ({@code -v6 myacr.azurecr.io}). */
  private static String acrArgument(Container c) {
    List<String> args = c.getArgs() == null ? List.of() : c.getArgs();
    for (int i = args.size() - 1; i >= 0; i--) {
      if (!args.get(i).startsWith("-")) {
        return args.get(i);
      }
    }
    return "";
  }

  /** The node's record of an image the pod names, by its normalised reference. */
  static Optional<ContainerImage> present(Node node, String image) {
    if (node.getStatus() == null || node.getStatus().getImages() == null) {
      return Optional.empty();
    }
    String ref = ImageRef.normalize(image);
    return node.getStatus().getImages().stream()
        .filter(
            i ->
                i.getNames() != null
                    && (i.getNames().contains(ref) || i.getNames().contains(image)))
        .findFirst();
  }

  private static String imageId(ContainerImage i, String image) {
    return i.getNames().stream().filter(n -> n.contains("@")).findFirst().orElse(image);
  }

  static boolean ready(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return false;
    }
    for (NodeCondition c : n.getStatus().getConditions()) {
      if (c.getType().equals("Ready")) {
        return c.getStatus().equals("True");
      }
    }
    return false;
  }

  @Override
  public void close() {
    registrations.forEach(ClusterObjects.Registration::close);
    addresses.close();
    loop.close();
  }
}
