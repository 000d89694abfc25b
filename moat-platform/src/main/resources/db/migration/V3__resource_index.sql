-- Secondary keys of resources (issue 11): the keys a resource type's index functions compute from
-- its record (addresses by subnet, endpoints by subnet, records by zone, ...), written in the same
-- transaction as the document, so a lookup by key reads only the documents it returns.
-- index_name is qualified by the type ("microsoft.network/networkinterfaces#subnet").
CREATE TABLE resource_index (
  index_name    TEXT NOT NULL,
  index_key     TEXT NOT NULL,
  resource_key  TEXT NOT NULL,
  PRIMARY KEY (index_name, index_key, resource_key)
);
CREATE INDEX resource_index_resource ON resource_index (resource_key);

-- Indexes whose keys exist for every stored resource of their type: an index declared after its
-- type already had documents (an upgrade) is filled once on start-up and then recorded here.
CREATE TABLE resource_index_built (
  index_name    TEXT PRIMARY KEY
);
