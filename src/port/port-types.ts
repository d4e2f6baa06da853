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

/** Port's query options on upserts, from the config. */
export interface UpsertOptions {
  merge: boolean;
  createMissingRelatedEntities: boolean;
}
