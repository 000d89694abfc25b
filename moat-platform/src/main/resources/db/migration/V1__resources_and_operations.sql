-- Every ARM resource Moat stores, as a JSON document of its typed record.
-- Keys are lower-cased ids: ARM compares ids case-insensitively; `id` keeps the caller's casing.
CREATE TABLE resources (
  id_key        TEXT PRIMARY KEY,
  id            TEXT NOT NULL,
  type_key      TEXT NOT NULL,
  parent_key    TEXT NOT NULL,
  group_key     TEXT,
  subscription  TEXT NOT NULL,
  body          TEXT NOT NULL,
  version       INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX resources_parent ON resources (parent_key, type_key);
CREATE INDEX resources_group ON resources (group_key);
CREATE INDEX resources_subscription ON resources (subscription, type_key);

-- Long-running operations: what Azure-AsyncOperation and Location polling read.
CREATE TABLE operations (
  id            TEXT PRIMARY KEY,
  resource_key  TEXT NOT NULL,
  resource_id   TEXT NOT NULL,
  kind          TEXT NOT NULL,
  status        TEXT NOT NULL,
  error         TEXT,
  start_time    TEXT NOT NULL,
  end_time      TEXT
);
CREATE INDEX operations_resource ON operations (resource_key, status);
CREATE INDEX operations_status ON operations (status);
