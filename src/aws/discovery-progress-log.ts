import type { Clock } from './clock.js';
import type { DiscoveryProgress } from './discover-accounts.js';

/** How often a progress line of discovery is written at most, ms. */
const PROGRESS_LINE_INTERVAL_MS = 2000;

/**
 * Turns discovery's progress into lines for a person (an Organization of 1,000 accounts takes a while
 * to list and assume into): a line when a phase starts, at most one every two seconds meanwhile, and
 * one when every member role has been tried.
 */
export function discoveryProgressLog(log: (message: string) => void, clock: Clock): (progress: DiscoveryProgress) => void {
  let lastPhase: DiscoveryProgress['phase'] | undefined;
  let lastAt = -Infinity;
  return (progress) => {
    const now = clock.now();
    const isLast = progress.phase === 'assuming' && progress.assumed === progress.total;
    if (progress.phase === lastPhase && !isLast && now - lastAt < PROGRESS_LINE_INTERVAL_MS) return;
    lastPhase = progress.phase;
    lastAt = now;
    log(progress.phase === 'listing' ? `Listing the Organization's accounts: ${progress.listed} so far...` : `Assuming member roles: ${progress.assumed} of ${progress.total}${isLast ? '' : '...'}`);
  };
}
