import type { MassDeletionEntry } from './plan-document.js';

/**
 * The blueprints of which a plan would delete more than `threshold` (a share, 0..1] of the entities
 * aws2port manages (Port's `entityDeletionThreshold` rule). Empty when the plan is within bounds.
 */
export function findMassDeletions(deletions: ReadonlyMap<string, number>, managed: ReadonlyMap<string, number>, threshold: number): MassDeletionEntry[] {
  const found: MassDeletionEntry[] = [];
  for (const [blueprint, deleting] of deletions) {
    const total = managed.get(blueprint) ?? deleting;
    const share = total === 0 ? 0 : deleting / total;
    if (share > threshold) found.push({ blueprint, deleting, managed: total, threshold });
  }
  return found.sort((a, b) => a.blueprint.localeCompare(b.blueprint));
}

/** `cloudResource: 950 of 1000 managed entities (95%, threshold 90%)`. */
export function describeMassDeletion(entry: MassDeletionEntry): string {
  return `${entry.blueprint}: ${describeDeletionShare(entry)}`;
}

/** `950 of 1000 managed entities (95%, threshold 90%)`: the share without the blueprint's name. */
export function describeDeletionShare(entry: MassDeletionEntry): string {
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
  return `${entry.deleting} of ${entry.managed} managed entities (${percent(entry.deleting / entry.managed)}, threshold ${percent(entry.threshold)})`;
}
