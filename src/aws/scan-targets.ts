import type { RegionPolicy, ResourceConfig } from '../config/types.js';
import type { AccountAccess } from './aws-clients.js';
import type { AccountDiscovery } from './discover-accounts.js';
import { isGlobalKind, ORGANIZATIONS_ACCOUNT_KIND } from './global-kinds.js';
import { isRegionAllowed } from './region-policy.js';
import { GLOBAL_REGION, type Scope } from './scope.js';

/** One scope to read, and how. */
export interface ScanTarget {
  scope: Scope;
  /** Credentials of the scope's account; undefined for the Organizations listing. */
  access?: AccountAccess;
  /** The region the API is called in (for global kinds, one region stands for all). */
  readRegion: string;
  /** Read each listed item again with GetResource (some types list only identifiers). */
  useGetResource: boolean;
}

/** A scope that will not be read this run, and why: it owns its entities unchanged. */
export interface SkippedScope {
  scope: Scope;
  /** `AccessDeniedException: ...`; what the user sees. */
  error: string;
}

/** Everything one run sets out to read. */
export interface ScanPlan {
  targets: ScanTarget[];
  /** Scopes known to be unreadable before reading (unreachable accounts, no Organizations access). */
  skipped: SkippedScope[];
}

/** What the resource configs ask of one kind. */
interface KindRequest {
  kind: string;
  useGetResource: boolean;
  regionPolicies: RegionPolicy[];
}

/**
 * Decides the scopes of a run: each configured kind in each reachable account, in each region the
 * kind's region policies allow (once per account for global kinds; once per organization for
 * Organizations accounts). Unreachable accounts' scopes are listed as skipped.
 */
export function planScan(resources: readonly ResourceConfig[], discovery: AccountDiscovery, regions: readonly string[], homeRegion: string): ScanPlan {
  const targets: ScanTarget[] = [];
  const skipped: SkippedScope[] = [];
  for (const request of kindRequests(resources)) {
    if (request.kind === ORGANIZATIONS_ACCOUNT_KIND) {
      const scope = { kind: request.kind, account: discovery.managementAccountId ?? discovery.callerAccountId, region: GLOBAL_REGION };
      if (discovery.organizationAccounts.length > 0) targets.push({ scope, readRegion: homeRegion, useGetResource: false });
      else skipped.push({ scope, error: discovery.organizationProblem ?? 'Organizations lists no accounts' });
      continue;
    }
    const isGlobal = isGlobalKind(request.kind);
    const kindRegions = isGlobal ? [GLOBAL_REGION] : regions.filter((r) => request.regionPolicies.some((p) => isRegionAllowed(p, r)));
    const readRegionOf = (region: string) => (region !== GLOBAL_REGION ? region : regions.includes(homeRegion) ? homeRegion : regions[0]!);
    for (const access of discovery.accounts) {
      for (const region of kindRegions) {
        targets.push({ scope: { kind: request.kind, account: access.accountId, region }, access, readRegion: readRegionOf(region), useGetResource: request.useGetResource });
      }
    }
    for (const account of discovery.unreachable) {
      for (const region of kindRegions) skipped.push({ scope: { kind: request.kind, account: account.accountId, region }, error: account.reason });
    }
  }
  return { targets, skipped };
}

function kindRequests(resources: readonly ResourceConfig[]): KindRequest[] {
  const byKind = new Map<string, KindRequest>();
  for (const resource of resources) {
    const request = byKind.get(resource.kind) ?? { kind: resource.kind, useGetResource: false, regionPolicies: [] };
    request.useGetResource ||= resource.selector.useGetResourceAPI;
    request.regionPolicies.push(resource.selector.regionPolicy);
    byKind.set(resource.kind, request);
  }
  return [...byKind.values()];
}
