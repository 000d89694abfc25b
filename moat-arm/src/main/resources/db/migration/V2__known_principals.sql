-- Service principals and users Moat has issued tokens to: the directory that role assignments
-- check principal ids against (PrincipalNotFound), alongside managed identities.
CREATE TABLE known_principals (
  object_id     TEXT PRIMARY KEY,
  app_id        TEXT NOT NULL,
  type          TEXT NOT NULL,
  display_name  TEXT,
  first_seen    TEXT NOT NULL
);
