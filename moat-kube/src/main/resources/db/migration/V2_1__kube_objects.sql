-- Kubernetes objects of every cluster's API server (moat-kube). Version 2.1: V2 is moat-arm's.
-- One resourceVersion counter per cluster, advanced in the same transaction as each write.
CREATE TABLE kube_clusters (
  cluster_key       TEXT PRIMARY KEY,
  resource_version  BIGINT NOT NULL
);

-- One row per object; `resource` is plural.group (`pods`, `deployments.apps`); `namespace` is ''
-- for cluster-scoped kinds. `node_name` indexes pods by spec.nodeName for kubelets.
CREATE TABLE kube_objects (
  cluster_key       TEXT NOT NULL,
  resource          TEXT NOT NULL,
  namespace         TEXT NOT NULL,
  name              TEXT NOT NULL,
  uid               TEXT NOT NULL,
  resource_version  BIGINT NOT NULL,
  node_name         TEXT,
  body              TEXT NOT NULL,
  PRIMARY KEY (cluster_key, resource, namespace, name)
);
CREATE INDEX kube_objects_uid ON kube_objects (cluster_key, uid);
CREATE INDEX kube_objects_node ON kube_objects (cluster_key, node_name);
CREATE INDEX kube_objects_namespace ON kube_objects (cluster_key, namespace);

-- ownerReferences by owner uid, for garbage collection of dependents.
CREATE TABLE kube_owner_refs (
  cluster_key       TEXT NOT NULL,
  owner_uid         TEXT NOT NULL,
  resource          TEXT NOT NULL,
  namespace         TEXT NOT NULL,
  name              TEXT NOT NULL,
  PRIMARY KEY (cluster_key, owner_uid, resource, namespace, name)
);
CREATE INDEX kube_owner_refs_dependent ON kube_owner_refs (cluster_key, resource, namespace, name);

-- Container output recorded by kubelets, in chunks addressed by their starting byte offset.
CREATE TABLE kube_pod_logs (
  cluster_key       TEXT NOT NULL,
  namespace         TEXT NOT NULL,
  pod               TEXT NOT NULL,
  container         TEXT NOT NULL,
  start_offset      BIGINT NOT NULL,
  length            BIGINT NOT NULL,
  text              TEXT NOT NULL,
  PRIMARY KEY (cluster_key, namespace, pod, container, start_offset)
);
