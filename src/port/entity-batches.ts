import type { Entity, SerializedEntity } from '../model/index.js';

/** Port's bulk upsert takes at most this many entities a request. */
export const MAX_BULK_ENTITIES = 20;
/** ...and at most this many bytes of body. */
export const MAX_BULK_BYTES = 1024 * 1024;
/** Port's bulk delete takes 1 to this many identifiers a request. */
export const MAX_BULK_DELETE = 100;

/** An item of an upsert with the entity's JSON text as the upsert routes take it. */
export interface WireEntity<T extends SerializedEntity> {
  item: T;
  text: string;
}

/**
 * An entity's JSON text as the upsert routes take it. Port's contract has `title` and `icon` as strings
 * and `team` as a string or a list, never null: a null field is left out (with `merge=false` Port then
 * leaves it empty; with `merge=true` it keeps what it had). Without nulls that text is the entity's own
 * JSON text, reused as it is.
 */
export function wireEntity<T extends SerializedEntity>(item: T): WireEntity<T> {
  const { title, icon, team, ...rest } = item.entity;
  if (title !== null && icon !== null && team !== null) return { item, text: item.body };
  const body: Partial<Entity> = { ...rest, ...(title === null ? {} : { title }), ...(icon === null ? {} : { icon }), ...(team === null ? {} : { team }) };
  return { item, text: JSON.stringify(body) };
}

/** The bulk upsert's body, assembled from the entities' JSON texts. */
export function bulkBodyText(batch: readonly WireEntity<SerializedEntity>[]): string {
  return `{"entities":[${batch.map((e) => e.text).join(',')}]}`;
}

/**
 * Splits entities into bulk upserts of at most `maxCount` entities and `maxBytes` of body each (an
 * entity larger than the byte limit goes alone, for Port to judge).
 */
export function upsertBatches<T extends SerializedEntity>(entities: readonly WireEntity<T>[], maxCount = MAX_BULK_ENTITIES, maxBytes = MAX_BULK_BYTES): WireEntity<T>[][] {
  const envelopeBytes = bulkBodyText([]).length;
  const batches: WireEntity<T>[][] = [];
  let current: WireEntity<T>[] = [];
  let bytes = envelopeBytes;
  for (const entity of entities) {
    const size = Buffer.byteLength(entity.text) + 1;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = envelopeBytes;
    }
    current.push(entity);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits identifiers into bulk deletes of at most MAX_BULK_DELETE each. */
export function deleteBatches(identifiers: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < identifiers.length; start += MAX_BULK_DELETE) batches.push(identifiers.slice(start, start + MAX_BULK_DELETE));
  return batches;
}
