import type { WrittenNode } from './written-node.js';

/** Spellings read as yes/no, case aside: YAML booleans, Port's `'true'`, and pydantic's other words. */
const FLAG_WORDS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, on: true, off: false };

/**
 * A yes/no setting (`WrittenFlag`): a YAML boolean, or a string such as Port's `'true'`. Not written: `fallback`.
 * Anything else is an error (and `fallback` is returned so the other rules can go on).
 */
export function readFlag(node: WrittenNode, fallback: boolean): boolean {
  if (!node.isWritten) return fallback;
  const value = node.scalar;
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? FLAG_WORDS[value.trim().toLowerCase()] : undefined;
  if (word !== undefined) return word;
  node.error(`must be true or false, not ${node.writtenAs}. Write true or false (quoted or not).`);
  return fallback;
}
