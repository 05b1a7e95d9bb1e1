-- The sync log: every mutation applied once, in server order (version), keyed by (client_id, mutation_id).
-- The registries are the fold of this log through the one merge rule of src/core/registry (see docs/sync.md).
CREATE TABLE IF NOT EXISTS mutations (
  version INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL,
  -- NULL for records posted to the plain routes (knowledge, learning, …): those are deduplicated by digest.
  mutation_id INTEGER,
  digest TEXT UNIQUE,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (client_id, mutation_id)
);

-- Per client, the last mutation id applied: written in the same batch() as the mutations themselves.
CREATE TABLE IF NOT EXISTS clients (
  client_id TEXT PRIMARY KEY,
  last_mutation_id INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per discovery run posted to /api/knowledge/discoveries (even an empty one).
CREATE TABLE IF NOT EXISTS discovery_runs (
  job_id TEXT PRIMARY KEY,
  discoveries INTEGER NOT NULL,
  received_at TEXT NOT NULL
);
