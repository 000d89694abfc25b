-- Which replica reconciles which resource (team server): a lease renewed while the work runs.
-- A replica that dies stops renewing; once expires_at (epoch milliseconds) has passed another
-- replica may take the row over. The embedded single-server store never writes here.
CREATE TABLE work_leases (
  resource_key  TEXT PRIMARY KEY,
  owner         TEXT NOT NULL,
  expires_at    BIGINT NOT NULL
);
CREATE INDEX work_leases_owner ON work_leases (owner);
