-- The OCI registry's metadata. Every row is scoped by registry (the logical registry, i.e. the
-- ACR login-server name) and most by repository: a repository sees only what is linked to it.
CREATE TABLE registry_repositories (
  registry   TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (registry, name)
);

CREATE TABLE registry_blob_links (
  registry   TEXT NOT NULL,
  repository TEXT NOT NULL,
  digest     TEXT NOT NULL,
  size       INTEGER NOT NULL,
  PRIMARY KEY (registry, repository, digest),
  FOREIGN KEY (registry, repository) REFERENCES registry_repositories (registry, name) ON DELETE CASCADE
);

CREATE TABLE registry_manifests (
  registry      TEXT NOT NULL,
  repository    TEXT NOT NULL,
  digest        TEXT NOT NULL,
  media_type    TEXT NOT NULL,
  size          INTEGER NOT NULL,
  subject       TEXT,
  artifact_type TEXT,
  annotations   TEXT,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (registry, repository, digest),
  FOREIGN KEY (registry, repository) REFERENCES registry_repositories (registry, name) ON DELETE CASCADE
);
CREATE INDEX registry_manifests_subject ON registry_manifests (registry, repository, subject);

CREATE TABLE registry_tags (
  registry   TEXT NOT NULL,
  repository TEXT NOT NULL,
  tag        TEXT NOT NULL,
  digest     TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (registry, repository, tag),
  FOREIGN KEY (registry, repository, digest)
    REFERENCES registry_manifests (registry, repository, digest) ON DELETE CASCADE
);

CREATE TABLE registry_uploads (
  id         TEXT PRIMARY KEY,
  registry   TEXT NOT NULL,
  repository TEXT NOT NULL,
  started_at TEXT NOT NULL
);
