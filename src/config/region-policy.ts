import type { RegionPolicy } from './types.js';

/** Port's rule: both lists empty allows every region; a deny wins; an allow list alone allows just those. */
export function isRegionAllowed(policy: RegionPolicy, region: string): boolean {
  if (policy.deny.includes(region)) return false;
  return policy.allow.length === 0 || policy.allow.includes(region);
}
