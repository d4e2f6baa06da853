import { createHash } from 'node:crypto';

/** `--shard I/N`: this process reads shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard (1..count) an account belongs to: the first 48 bits of the SHA-256 of its id, as an
 * unsigned big-endian integer, modulo `count`, plus 1. Stable across runs, versions and machines,
 * so N processes agree on who owns what without talking to each other.
 */
export function shardOfAccount(accountId: string, count: number): number {
  const digest = createHash('sha256').update(accountId, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** Whether `shard` owns the account (always, without a shard). */
export function isAccountInShard(accountId: string, shard: Shard | undefined): boolean {
  return !shard || shardOfAccount(accountId, shard.count) === shard.index;
}
