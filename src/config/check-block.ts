import type { WrittenNode } from './written-node.js';

/** How an unknown key is reported: `error` where a typo would silently change what is read. */
export type UnknownKeySeverity = 'error' | 'warning';

/**
 * Checks a block of settings: written as a map, and only with the keys in `known`. Reports a value
 * that is not a map (an error) and every unknown key (naming the keys the block takes, or the
 * known key it is probably a typo of). True when the block is a map; false when it is not written
 * (nothing reported: the caller knows whether it is required) or not a map.
 */
export function checkBlock(block: WrittenNode, known: Record<string, true>, unknownKeys: UnknownKeySeverity): boolean {
  const names = Object.keys(known);
  if (!block.isWritten) return false;
  if (!block.isMap) {
    block.error(`must be a map (key: value lines) of ${names.join(', ')}, not ${block.writtenAs}.`);
    return false;
  }
  for (const [key, value] of block.entries()) {
    if (Object.hasOwn(known, key)) continue;
    const suggestion = closestKey(key, names);
    const hint = suggestion === undefined ? `This block takes: ${names.join(', ')}.` : `Did you mean ${suggestion}?`;
    if (unknownKeys === 'error') value.error(`unknown key. ${hint}`);
    else value.warn(`unknown key, ignored. ${hint}`);
  }
  return true;
}

/** Most edits (case aside) that still read as a typo of a known key rather than another word. */
const MAX_TYPO_DISTANCE = 2;

function closestKey(key: string, names: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= MAX_TYPO_DISTANCE && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
