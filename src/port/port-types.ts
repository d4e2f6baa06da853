/** A Port blueprint, as far as aws2port reads and writes it. */
export interface Blueprint {
  identifier: string;
  title?: string;
  icon?: string;
  schema: { properties: Record<string, Record<string, unknown>>; required?: string[] };
  relations?: Record<string, { target: string; required?: boolean; many?: boolean; title?: string }>;
  [field: string]: unknown;
}

/** The outcome of writing one entity. */
export type EntityWriteResult =
  | { identifier: string; ok: true; created?: boolean }
  | { identifier: string; ok: false; statusCode: number; error: string; message: string };

/**
 * How the client runs the bulk requests of one call: `run` paces each request (e.g. a cap on requests
 * in flight; default: all at once), `onBatch` hears each batch's items and outcomes as soon as Port
 * answers it (e.g. to record them before the next batch is answered).
 */
export interface BatchPacing<T> {
  run?: <R>(request: () => Promise<R>) => Promise<R>;
  onBatch?: (items: readonly T[], results: readonly EntityWriteResult[]) => void;
}

/** Port's query options on upserts, from the config. */
export interface UpsertOptions {
  merge: boolean;
  createMissingRelatedEntities: boolean;
  /** `validation_only=true`: Port checks the entities and stores nothing (absent: a real write). */
  validationOnly?: boolean;
}

/** A Port search query: rules combined with and/or. */
export interface SearchQuery {
  combinator: 'and' | 'or';
  rules: Array<{ property: string; operator: string; value: unknown } | SearchQuery>;
}

/** An entity as Port returns it (only the fields asked for; `team` always a list). */
export interface PortEntity {
  identifier: string;
  title?: string | null;
  icon?: string | null;
  team?: string[] | string | null;
  properties?: Record<string, unknown>;
  relations?: Record<string, unknown>;
  [meta: string]: unknown;
}
