/** What a value must be: the checked part of a property's schema. */
export interface PropertySchema {
  /** JSON type the value must have (null is always accepted as well). */
  type: 'string' | 'number' | 'boolean' | 'array' | 'object';
  /** Checked for `date-time` and `url`; any other format is accepted unchecked. */
  format?: string;
  /** Allowed values; absent means any value of the type. */
  enum?: unknown[];
  /** For arrays: the schema each element must match. */
  items?: PropertySchema;
}

/** A property of a blueprint's schema, as Port declares it; fields beyond the checked ones are kept as sent. */
export interface BlueprintProperty extends PropertySchema {
  title?: string;
  [extra: string]: unknown;
}

/** A relation a blueprint declares: entities of this blueprint point at entities of `target`. */
export interface BlueprintRelation {
  /** Identifier of the target blueprint; it must exist. */
  target: string;
  title?: string;
  /** When true, every entity of the blueprint must carry this relation (non-null). */
  required: boolean;
  /** True: the value is a list of identifiers. False: one identifier or null. */
  many: boolean;
}

/** A blueprint in Port's shape. */
export interface Blueprint {
  identifier: string;
  title?: string;
  icon?: string;
  schema: {
    properties: Record<string, BlueprintProperty>;
    /** Property names that must be present and non-null; empty when none. */
    required?: string[];
  };
  /** Declared relations by name; empty when none. */
  relations: Record<string, BlueprintRelation>;
}

/** A relation value as stored: one identifier, a list for `many` relations, or null. */
export type RelationValue = string | string[] | null;

/** An entity as the simulator stores it and answers it, with Port's read-only meta. */
export interface StoredEntity {
  identifier: string;
  /** The blueprint the entity belongs to (from the request path). */
  blueprint: string;
  title: string | null;
  icon: string | null;
  /** Always a list: a string sent by the writer is stored as a one-element list, null as empty. */
  team: string[];
  properties: Record<string, unknown>;
  relations: Record<string, RelationValue>;
  /** ISO 8601 time of creation. */
  $createdAt: string;
  /** ISO 8601 time of the last write. */
  $updatedAt: string;
  /** Client id of the API caller that created the entity. */
  $createdBy: string;
  /** Client id of the last API writer, or `sim-ui-user` after an out-of-band edit. */
  $updatedBy: string;
  /** User-Agent of the last API writer; empty when it sent none. */
  $datasource: string;
}

/** The fields an out-of-band edit may change; properties and relations merge key by key. */
export interface EntityPatch {
  title?: string | null;
  icon?: string | null;
  team?: string | string[] | null;
  properties?: Record<string, unknown>;
  relations?: Record<string, RelationValue>;
}

/** One entity of one blueprint. */
export interface EntityRef {
  blueprint: string;
  identifier: string;
}

/** An error body as Port answers it; `statusCode` is the HTTP status it travels with. */
export interface PortErrorBody {
  statusCode: number;
  /** Stable snake_case code (see SPEC.md for the list). */
  error: string;
  message: string;
}

/** Which write the log record is about. */
export type WriteRoute =
  | 'upsert'
  | 'bulk-upsert'
  | 'delete'
  | 'bulk-delete'
  | 'blueprint-create'
  | 'blueprint-patch'
  | 'blueprint-replace';

/** One HTTP write request as the simulator answered it, whatever the outcome. */
export interface WriteRecord {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  method: string;
  route: WriteRoute;
  /** The blueprint named in the path. */
  blueprint: string;
  /**
   * Identifiers the request named, in body order: the entity (upsert, delete), every entity of the
   * batch (bulk routes), empty for blueprint routes or when the body could not be read.
   */
  identifiers: string[];
  /** HTTP status of the answer. */
  status: number;
  /** Identifiers of the path's blueprint this request created; absent when it created none. */
  created?: string[];
  /** Bare entities made by `create_missing_related_entities`; absent when none. */
  createdRelated?: EntityRef[];
  /** Identifiers of the batch that failed (bulk upsert only; entities without one are left out); absent when none. */
  failed?: string[];
  /** Every entity removed, dependents included; absent when none. */
  deleted?: EntityRef[];
  /** ISO 8601 time of the answer. */
  at: string;
}

/** One request as the contract saw it: which operation it was and whether it and its answer kept to the contract. */
export interface ContractRecord {
  method: string;
  /** The path, query string included. */
  url: string;
  /** The contract's operation (`POST /v1/blueprints`); undefined when the contract has no such route. */
  operation: string | undefined;
  status: number;
  /** Why the request is outside the contract; absent when it is inside. */
  requestProblem?: string;
  /** Why the answer is outside the contract (status or body); absent when it is inside. */
  answerProblem?: string;
}

/** The switches tests flip to make the simulator misbehave. Read on every request. */
export interface PortFaults {
  /** Entities (by identifier, any blueprint) whose upsert always fails with this error until removed. */
  failEntities: Map<string, PortErrorBody>;
  /**
   * Entities (by identifier, any blueprint) Port does not delete until removed: a bulk delete leaves them
   * out of `deletedEntities` (a partial delete, 200) and a single delete answers this error.
   */
  failDeletes: Map<string, PortErrorBody>;
  /** Statuses the next authenticated requests answer, first one first, before normal service resumes. */
  nextStatuses: number[];
  /** Statuses the next token requests answer, first one first, before tokens are issued again. */
  nextTokenStatuses: number[];
  /** Delay added before every answer, in milliseconds; 0 for none. */
  latencyMs: number;
  /** The wait a 429 from `nextStatuses` announces in its headers, in seconds; default 1. */
  retryAfterSeconds: number;
}

/** A route class of Port's rate-limit table. */
export type RouteClass = 'entities' | 'bulkUpsert' | 'singleUpsert' | 'search' | 'blueprints' | 'other';

/** Requests allowed per 5-minute window (`limit`) and the bucket's size (`burst`), per route class. */
export type RateLimitTable = Record<RouteClass, { limit: number; burst: number }>;

/** How Port limits a route class: a refilling token bucket, or a fixed window whose count resets at its end. */
export type RateLimitModel = 'bucket' | 'window';

/** How `x-ratelimit-reset` is written: seconds from now, or Unix epoch seconds. */
export type RateLimitResetForm = 'seconds' | 'epoch';

/** Options of `startPortSimulator`; every one has a default. */
export interface PortSimulatorOptions {
  /** Default `sim-client-id`. */
  clientId?: string;
  /** Default `sim-client-secret`. */
  clientSecret?: string;
  /** Blueprints present at start; default the ones of examples/blueprints.json; `[]` for none. */
  blueprints?: Blueprint[];
  /** Lifetime of an access token in seconds; default 10800 (3 hours). */
  tokenTtlSeconds?: number;
  /** false (default): no limits. true: Port's table. A partial table: Port's table with these rows replaced. */
  rateLimits?: boolean | Partial<RateLimitTable>;
  /** Default `seconds`. */
  rateLimitResetForm?: RateLimitResetForm;
  /** Default `bucket`. */
  rateLimitModel?: RateLimitModel;
  /** The window the table's `limit` counts over, in seconds; default 300 (Port's 5 minutes). */
  rateLimitWindowSeconds?: number;
  /** Send `Retry-After` with every 429; default true. */
  sendRetryAfter?: boolean;
  /** Initial faults; default none. */
  faults?: Partial<PortFaults>;
  /** Clock in epoch milliseconds, for tokens, rate limits and meta times; default `Date.now`. */
  now?: () => number;
}

/** A running simulator. */
export interface PortSimulator {
  /** `http://127.0.0.1:PORT`; clients append `/v1/...`. */
  url: string;
  /** `PORT_BASE_URL`, `PORT_CLIENT_ID`, `PORT_CLIENT_SECRET` for the program under test. */
  env(): Record<string, string>;
  /** Current entities of a blueprint (copies, with meta), sorted by identifier; empty when none or unknown. */
  entities(blueprint: string): StoredEntity[];
  /** A copy of one entity; undefined when it does not exist. */
  entity(blueprint: string, identifier: string): StoredEntity | undefined;
  /** Copies of the current blueprints, sorted by identifier. */
  blueprints(): Blueprint[];
  /** Every write request so far, oldest first. Live: it grows as requests arrive. */
  writes: WriteRecord[];
  /** Every request so far with the contract's verdict on it and on its answer, oldest first. Live. */
  contractLog: ContractRecord[];
  /** Change an entity as a person in Port's UI would: no validation, no write record. Throws if missing. */
  editEntity(blueprint: string, identifier: string, patch: EntityPatch): void;
  /** Remove an entity as a person in Port's UI would: no dependents check, no write record. Throws if missing. */
  removeEntity(blueprint: string, identifier: string): void;
  /** Live fault switches. */
  faults: PortFaults;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}
