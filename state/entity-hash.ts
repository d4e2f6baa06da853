import { createHash } from 'node:crypto';

/**
 * The content hash of an entity body as stored (its JSON text): two bodies with equal hashes need no
 * write. Field order is part of the body: the mapping always emits fields in config order.
 */
export function hashEntityBody(body: string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}
