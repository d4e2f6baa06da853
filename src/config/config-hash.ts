import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` of what a plan was made from: the config file's bytes and, when the config names
 * one, the blueprints file's bytes (a changed blueprints file changes what apply creates, so a plan
 * saved before it must be refused as stale). Each part is prefixed by its length, so no two pairs of
 * files give the same input.
 */
export function configHash(configBytes: Uint8Array, blueprintsBytes?: Uint8Array): string {
  const hash = createHash('sha256');
  if (blueprintsBytes === undefined) return `sha256:${hash.update(configBytes).digest('hex')}`;
  for (const part of [configBytes, blueprintsBytes]) hash.update(`${part.byteLength}:`).update(part);
  return `sha256:${hash.digest('hex')}`;
}
