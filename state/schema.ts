/**
 * The state file's schema, as an ordered list of migrations. Migration N brings a database at schema
 * version N-1 to version N; the version lives in SQLite's `user_version`. Never edit a migration that
 * has shipped: add a new one.
 *
 * An entity rebuilt from Port (`state rebuild`, or a missing state at the start of `plan`/`apply`) has
 * no known scope: its `kind`, `account` and `region` all hold `(unknown)` (UNKNOWN_SCOPE in
 * src/model/scope.ts; no AWS kind, account or region is spelt so) and its `aws_identifier` is NULL.
 * It needs no migration: the columns stay NOT NULL, and the first run that maps it again records its
 * real owner.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  -- One row per entity aws2port wrote to Port and Port confirmed, as last written.
  CREATE TABLE entities (
    blueprint      TEXT NOT NULL,
    identifier     TEXT NOT NULL,
    kind           TEXT NOT NULL,   -- scope: the AWS type that produced it
    account        TEXT NOT NULL,   -- scope: the account it was read in
    region         TEXT NOT NULL,   -- scope: the region it was read in ('global' for global kinds)
    aws_identifier TEXT,            -- Cloud Control's Identifier of the item it came from
    body           TEXT NOT NULL,   -- JSON of the entity (identifier, title, icon, team, properties, relations)
    hash           TEXT NOT NULL,   -- content hash of body
    PRIMARY KEY (blueprint, identifier)
  ) WITHOUT ROWID;
  CREATE INDEX entities_by_scope ON entities (kind, account, region);
  CREATE INDEX entities_by_aws_identifier ON entities (kind, account, aws_identifier);
  -- The writer's lock: at most one row.
  CREATE TABLE lock (
    id         TEXT PRIMARY KEY,
    operation  TEXT NOT NULL,
    who        TEXT NOT NULL,
    host       TEXT NOT NULL,
    pid        INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  `
  -- Where the last read found each resource of a global kind that lives in one region (S3 buckets),
  -- so the next read asks there first. A hint, apart from the entities: a stale row costs a call.
  CREATE TABLE resource_regions (
    kind           TEXT NOT NULL,
    account        TEXT NOT NULL,
    aws_identifier TEXT NOT NULL,
    region         TEXT NOT NULL,
    PRIMARY KEY (kind, account, aws_identifier)
  ) WITHOUT ROWID;
  `,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
