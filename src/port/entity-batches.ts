/** Port's bulk upsert takes at most this many entities a request. */
export const MAX_BULK_ENTITIES = 20;
/** ...and at most this many bytes of body. */
export const MAX_BULK_BYTES = 1024 * 1024;
/** Port's bulk delete takes 1 to this many identifiers a request. */
export const MAX_BULK_DELETE = 100;

/** Bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/**
 * Splits items into bulk requests of at most `maxCount` items and `maxBytes` of JSON body each, where
 * `bytesOf` measures the entity an item will send (an entity larger than the byte limit goes alone,
 * for Port to judge).
 */
export function splitIntoBatches<T>(entities: readonly T[], bytesOf: (item: T) => number = jsonBytes, maxCount = MAX_BULK_ENTITIES, maxBytes = MAX_BULK_BYTES): T[][] {
  const envelopeBytes = '{"entities":[]}'.length;
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = envelopeBytes;
  for (const entity of entities) {
    const size = bytesOf(entity) + 1;
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
