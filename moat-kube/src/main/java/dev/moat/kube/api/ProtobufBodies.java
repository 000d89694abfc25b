package dev.moat.kube.api;

import dev.moat.kube.store.KubeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes the Kubernetes protobuf request bodies that kubectl's typed clients send since client-go
 * 1.32 made {@code application/vnd.kubernetes.protobuf} their default ({@code kubectl create
 * namespace|configmap|secret|deployment|job|service|serviceaccount}, {@code run}): the {@code
 * k8s\0} envelope ({@code runtime.Unknown}) around the object's {@code generated.proto} encoding.
 *
 * <p>Only the messages and fields those commands emit are described (field numbers from k8s.io/api
 * and k8s.io/apimachinery {@code generated.proto}); any other field number is refused with 415
 * rather than guessed, so a body is either decoded exactly or not at all.
 */
final class ProtobufBodies {
  static final String TYPE = "application/vnd.kubernetes.protobuf";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private enum T {
    STRING,
    BYTES,
    INT,
    BOOL,
    MESSAGE,
    MAP_STRING,
    MAP_BYTES,
    MAP_QUANTITY,
    TIME,
    INT_OR_STRING,
    QUANTITY,
    /** A field decoded nowhere: the status of a created workload, which the server resets. */
    IGNORED
  }

  /** One field: JSON name, type, message name (for MESSAGE), repeated. */
  private record Field(String name, T type, String message, boolean repeated) {}

  private static final Map<String, Map<Integer, Field>> SCHEMA = new HashMap<>();

  private static void msg(String name, Object... fields) {
    Map<Integer, Field> m = new HashMap<>();
    for (int i = 0; i < fields.length; i += 3) {
      String spec = (String) fields[i + 2];
      boolean repeated = spec.startsWith("*");
      String t = repeated ? spec.substring(1) : spec;
      Field f;
      try {
        f = new Field((String) fields[i + 1], T.valueOf(t), null, repeated);
      } catch (IllegalArgumentException e) {
        f = new Field((String) fields[i + 1], T.MESSAGE, t, repeated);
      }
      m.put((Integer) fields[i], f);
    }
    SCHEMA.put(name, m);
  }

  static {
    msg(
        "Unknown",
        1,
        "typeMeta",
        "TypeMeta",
        2,
        "raw",
        "BYTES",
        3,
        "contentEncoding",
        "STRING",
        4,
        "contentType",
        "STRING");
    msg("TypeMeta", 1, "apiVersion", "STRING", 2, "kind", "STRING");
    msg(
        "ObjectMeta",
        1,
        "name",
        "STRING",
        2,
        "generateName",
        "STRING",
        3,
        "namespace",
        "STRING",
        4,
        "selfLink",
        "STRING",
        5,
        "uid",
        "STRING",
        6,
        "resourceVersion",
        "STRING",
        7,
        "generation",
        "INT",
        8,
        "creationTimestamp",
        "TIME",
        9,
        "deletionTimestamp",
        "TIME",
        10,
        "deletionGracePeriodSeconds",
        "INT",
        11,
        "labels",
        "MAP_STRING",
        12,
        "annotations",
        "MAP_STRING",
        13,
        "ownerReferences",
        "*OwnerReference",
        14,
        "finalizers",
        "*STRING");
    msg(
        "OwnerReference",
        1,
        "kind",
        "STRING",
        3,
        "name",
        "STRING",
        4,
        "uid",
        "STRING",
        5,
        "apiVersion",
        "STRING",
        6,
        "controller",
        "BOOL",
        7,
        "blockOwnerDeletion",
        "BOOL");
    msg(
        "LabelSelector",
        1,
        "matchLabels",
        "MAP_STRING",
        2,
        "matchExpressions",
        "*LabelSelectorRequirement");
    msg(
        "LabelSelectorRequirement",
        1,
        "key",
        "STRING",
        2,
        "operator",
        "STRING",
        3,
        "values",
        "*STRING");
    msg(
        "ConfigMap",
        1,
        "metadata",
        "ObjectMeta",
        2,
        "data",
        "MAP_STRING",
        3,
        "binaryData",
        "MAP_BYTES",
        4,
        "immutable",
        "BOOL");
    msg(
        "Secret",
        1,
        "metadata",
        "ObjectMeta",
        2,
        "data",
        "MAP_BYTES",
        3,
        "type",
        "STRING",
        4,
        "stringData",
        "MAP_STRING",
        5,
        "immutable",
        "BOOL");
    msg(
        "Namespace",
        1,
        "metadata",
        "ObjectMeta",
        2,
        "spec",
        "NamespaceSpec",
        3,
        "status",
        "NamespaceStatus");
    msg("NamespaceSpec", 1, "finalizers", "*STRING");
    msg("NamespaceStatus", 1, "phase", "STRING");
    msg(
        "ServiceAccount",
        1,
        "metadata",
        "ObjectMeta",
        2,
        "secrets",
        "*ObjectReference",
        3,
        "imagePullSecrets",
        "*LocalObjectReference",
        4,
        "automountServiceAccountToken",
        "BOOL");
    msg(
        "ObjectReference",
        1,
        "kind",
        "STRING",
        2,
        "namespace",
        "STRING",
        3,
        "name",
        "STRING",
        4,
        "uid",
        "STRING",
        5,
        "apiVersion",
        "STRING",
        6,
        "resourceVersion",
        "STRING",
        7,
        "fieldPath",
        "STRING");
    msg("LocalObjectReference", 1, "name", "STRING");
    msg("Pod", 1, "metadata", "ObjectMeta", 2, "spec", "PodSpec", 3, "status", "PodStatus");
    msg("PodStatus", 1, "phase", "STRING");
    msg("PodTemplateSpec", 1, "metadata", "ObjectMeta", 2, "spec", "PodSpec");
    msg(
        "PodSpec",
        2,
        "containers",
        "*Container",
        3,
        "restartPolicy",
        "STRING",
        4,
        "terminationGracePeriodSeconds",
        "INT",
        5,
        "activeDeadlineSeconds",
        "INT",
        6,
        "dnsPolicy",
        "STRING",
        7,
        "nodeSelector",
        "MAP_STRING",
        8,
        "serviceAccountName",
        "STRING",
        9,
        "serviceAccount",
        "STRING",
        10,
        "nodeName",
        "STRING",
        11,
        "hostNetwork",
        "BOOL",
        12,
        "hostPID",
        "BOOL",
        13,
        "hostIPC",
        "BOOL",
        14,
        "securityContext",
        "PodSecurityContext",
        15,
        "imagePullSecrets",
        "*LocalObjectReference",
        16,
        "hostname",
        "STRING",
        17,
        "subdomain",
        "STRING",
        19,
        "schedulerName",
        "STRING",
        20,
        "initContainers",
        "*Container",
        24,
        "priorityClassName",
        "STRING",
        25,
        "priority",
        "INT",
        30,
        "enableServiceLinks",
        "BOOL",
        31,
        "preemptionPolicy",
        "STRING");
    msg("PodSecurityContext");
    msg(
        "Container",
        1,
        "name",
        "STRING",
        2,
        "image",
        "STRING",
        3,
        "command",
        "*STRING",
        4,
        "args",
        "*STRING",
        5,
        "workingDir",
        "STRING",
        6,
        "ports",
        "*ContainerPort",
        7,
        "env",
        "*EnvVar",
        8,
        "resources",
        "ResourceRequirements",
        13,
        "terminationMessagePath",
        "STRING",
        14,
        "imagePullPolicy",
        "STRING",
        16,
        "stdin",
        "BOOL",
        17,
        "stdinOnce",
        "BOOL",
        18,
        "tty",
        "BOOL",
        20,
        "terminationMessagePolicy",
        "STRING");
    msg(
        "ContainerPort",
        1,
        "name",
        "STRING",
        2,
        "hostPort",
        "INT",
        3,
        "containerPort",
        "INT",
        4,
        "protocol",
        "STRING",
        5,
        "hostIP",
        "STRING");
    msg("EnvVar", 1, "name", "STRING", 2, "value", "STRING");
    msg("ResourceRequirements", 1, "limits", "MAP_QUANTITY", 2, "requests", "MAP_QUANTITY");
    msg(
        "Deployment",
        1,
        "metadata",
        "ObjectMeta",
        2,
        "spec",
        "DeploymentSpec",
        3,
        "status",
        "IGNORED");
    msg(
        "DeploymentSpec",
        1,
        "replicas",
        "INT",
        2,
        "selector",
        "LabelSelector",
        3,
        "template",
        "PodTemplateSpec",
        4,
        "strategy",
        "DeploymentStrategy",
        5,
        "minReadySeconds",
        "INT",
        6,
        "revisionHistoryLimit",
        "INT",
        7,
        "paused",
        "BOOL",
        9,
        "progressDeadlineSeconds",
        "INT");
    msg("DeploymentStrategy", 1, "type", "STRING", 2, "rollingUpdate", "RollingUpdateDeployment");
    msg(
        "RollingUpdateDeployment",
        1,
        "maxUnavailable",
        "INT_OR_STRING",
        2,
        "maxSurge",
        "INT_OR_STRING");
    msg("Job", 1, "metadata", "ObjectMeta", 2, "spec", "JobSpec", 3, "status", "IGNORED");
    msg(
        "JobSpec",
        1,
        "parallelism",
        "INT",
        2,
        "completions",
        "INT",
        3,
        "activeDeadlineSeconds",
        "INT",
        4,
        "selector",
        "LabelSelector",
        5,
        "manualSelector",
        "BOOL",
        6,
        "template",
        "PodTemplateSpec",
        7,
        "backoffLimit",
        "INT",
        8,
        "ttlSecondsAfterFinished",
        "INT",
        9,
        "completionMode",
        "STRING",
        10,
        "suspend",
        "BOOL");
    msg("Service", 1, "metadata", "ObjectMeta", 2, "spec", "ServiceSpec", 3, "status", "IGNORED");
    msg(
        "ServiceSpec",
        1,
        "ports",
        "*ServicePort",
        2,
        "selector",
        "MAP_STRING",
        3,
        "clusterIP",
        "STRING",
        4,
        "type",
        "STRING",
        5,
        "externalIPs",
        "*STRING",
        7,
        "sessionAffinity",
        "STRING",
        10,
        "externalName",
        "STRING");
    msg(
        "ServicePort",
        1,
        "name",
        "STRING",
        2,
        "protocol",
        "STRING",
        3,
        "port",
        "INT",
        4,
        "targetPort",
        "INT_OR_STRING",
        5,
        "nodePort",
        "INT");
    msg("Empty");
  }

  private ProtobufBodies() {}

  /** The JSON object of a protobuf body. */
  static ObjectNode decode(byte[] body) {
    if (body.length < 4 || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
      throw unsupported("missing the k8s protobuf envelope");
    }
    ObjectNode unknown = message(new Reader(body, 4, body.length), "Unknown");
    String kind = unknown.path("typeMeta").path("kind").asString("");
    String apiVersion = unknown.path("typeMeta").path("apiVersion").asString("");
    if (!SCHEMA.containsKey(kind) || kind.equals("Unknown")) {
      throw unsupported("protobuf bodies of kind " + kind + " are not supported; send JSON");
    }
    byte[] raw = Base64.getDecoder().decode(unknown.path("raw").asString(""));
    ObjectNode object = message(new Reader(raw, 0, raw.length), kind);
    ObjectNode out = F.objectNode();
    out.put("apiVersion", apiVersion);
    out.put("kind", kind);
    out.setAll(object);
    return out;
  }

  private static KubeException unsupported(String why) {
    return KubeException.of(
        415, "UnsupportedMediaType", "the body of the request was in an unknown format: " + why);
  }

  private static ObjectNode message(Reader r, String name) {
    Map<Integer, Field> fields = SCHEMA.get(name);
    ObjectNode out = F.objectNode();
    while (r.more()) {
      long tag = r.varint();
      int number = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      Field f = fields.get(number);
      if (f == null) {
        throw unsupported("field " + number + " of " + name + " is not understood; send JSON");
      }
      JsonNode value = value(r, f, wire);
      if (value == null) {
        continue;
      }
      if (f.repeated()) {
        ArrayNode list = out.get(f.name()) instanceof ArrayNode a ? a : out.putArray(f.name());
        list.add(value);
      } else if (value instanceof ObjectNode o
          && out.get(f.name()) instanceof ObjectNode existing
          && (f.type() == T.MAP_STRING || f.type() == T.MAP_BYTES || f.type() == T.MAP_QUANTITY)) {
        existing.setAll(o);
      } else {
        out.set(f.name(), value);
      }
    }
    return out;
  }

  private static JsonNode value(Reader r, Field f, int wire) {
    switch (f.type()) {
      case INT -> {
        return F.numberNode(r.varint());
      }
      case BOOL -> {
        return F.booleanNode(r.varint() != 0);
      }
      default -> {}
    }
    if (wire != 2) {
      throw unsupported("unexpected wire type " + wire + " for " + f.name());
    }
    Reader sub = r.sub();
    return switch (f.type()) {
      case STRING -> {
        String s = sub.string();
        yield s.isEmpty() && !f.repeated() ? null : F.stringNode(s);
      }
      case BYTES -> F.stringNode(Base64.getEncoder().encodeToString(sub.bytes()));
      case MESSAGE -> message(sub, f.message());
      case MAP_STRING, MAP_BYTES, MAP_QUANTITY -> {
        String key = "";
        JsonNode value = F.stringNode("");
        while (sub.more()) {
          long tag = sub.varint();
          Reader part = sub.sub();
          if ((tag >>> 3) == 1) {
            key = part.string();
          } else if (f.type() == T.MAP_STRING) {
            value = F.stringNode(part.string());
          } else if (f.type() == T.MAP_BYTES) {
            value = F.stringNode(Base64.getEncoder().encodeToString(part.bytes()));
          } else {
            value = quantity(part);
          }
        }
        ObjectNode entry = F.objectNode();
        entry.set(key, value);
        yield entry;
      }
      case TIME -> {
        long seconds = 0;
        while (sub.more()) {
          long tag = sub.varint();
          long v = sub.varint();
          if ((tag >>> 3) == 1) {
            seconds = v;
          }
        }
        yield seconds == 0 ? null : F.stringNode(Instant.ofEpochSecond(seconds).toString());
      }
      case INT_OR_STRING -> {
        long type = 0;
        long intVal = 0;
        String strVal = "";
        while (sub.more()) {
          long tag = sub.varint();
          switch ((int) (tag >>> 3)) {
            case 1 -> type = sub.varint();
            case 2 -> intVal = sub.varint();
            case 3 -> strVal = sub.sub().string();
            default -> throw unsupported("IntOrString field " + (tag >>> 3));
          }
        }
        yield type == 1 ? F.stringNode(strVal) : F.numberNode(intVal);
      }
      case QUANTITY -> quantity(sub);
      case IGNORED -> null;
      default -> throw unsupported("type " + f.type());
    };
  }

  private static JsonNode quantity(Reader r) {
    String s = "";
    while (r.more()) {
      long tag = r.varint();
      Reader part = r.sub();
      if ((tag >>> 3) == 1) {
        s = part.string();
      }
    }
    return F.stringNode(s);
  }

  /** Reads protobuf wire data. */
  private static final class Reader {
    private final byte[] data;
    private int pos;
    private final int end;

    Reader(byte[] data, int pos, int end) {
      this.data = data;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      int shift = 0;
      while (true) {
        if (pos >= end) {
          throw unsupported("truncated varint");
        }
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
        shift += 7;
      }
    }

    Reader sub() {
      int length = (int) varint();
      if (length < 0 || pos + length > end) {
        throw unsupported("truncated field");
      }
      Reader r = new Reader(data, pos, pos + length);
      pos += length;
      return r;
    }

    String string() {
      return new String(data, pos, end - pos, StandardCharsets.UTF_8);
    }

    byte[] bytes() {
      byte[] out = new byte[end - pos];
      System.arraycopy(data, pos, out, 0, out.length);
      return out;
    }
  }
}
