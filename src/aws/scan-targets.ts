import type { Account } from '@aws-sdk/client-organizations';
import { isRegionAllowed, type RegionPolicy, type ResourceConfig } from '../config/index.js';
import type { AccountAccess } from './aws-clients.js';
import { childListingOf, unresolvedListProperties, type ChildListing, type ResourceModelSetting } from './child-kind.js';
import type { AccountDiscovery } from './discover-accounts.js';
import type { AccountRegions } from './resolve-regions.js';
import { GLOBAL_REGION, isGlobalKind, ORGANIZATIONS_ACCOUNT_KIND, type Scope } from '../model/index.js';

/** One scope to read, and how. */
export interface ScanTarget {
  scope: Scope;
  /** Credentials of the scope's account; undefined for Organizations accounts (already listed). */
  access?: AccountAccess;
  /** The region the API is called in (for global kinds, one region stands for all). */
  readRegion: string;
  /** The account's regions: where a global resource that the read region refuses may live. */
  accountRegions: readonly string[];
  /** Read each listed item again with GetResource (some types list only identifiers). */
  useGetResource: boolean;
  /** For `AWS::Organizations::Account` scopes: the account as Organizations listed it. */
  organizationAccount?: Account;
  /** For child kinds (ECS services, EKS node groups...): how their parents give the list's ResourceModel. */
  childListing?: ChildListing;
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
  childListing?: ChildListing;
  /** Why the kind cannot be listed at all (a child kind whose parent nothing tells). */
  unlistable?: string;
}

/**
 * Decides the scopes of a run: each configured kind in each reachable account, in each of the
 * account's regions that the kind's region policies allow; global kinds (S3, IAM, CloudFront,
 * Route 53) once per account, read in the partition's home region when the account uses it. Each
 * Organizations account is its own scope (`AWS::Organizations::Account ID global`), so that it
 * belongs to the shard of its account; all come from the one listing made during discovery.
 * Unreachable accounts' scopes are listed as skipped (in `fallbackRegions` when their own are unknown).
 * A child kind's scopes carry how to list it (the user's `resourceModels` setting, else the table of
 * child kinds); one whose parent nothing tells is skipped in every scope, with what to set.
 */
export function planScan(
  resources: readonly ResourceConfig[],
  discovery: AccountDiscovery,
  regionsByAccount: ReadonlyMap<string, AccountRegions>,
  fallbackRegions: readonly string[],
  homeRegion: string,
  resourceModels: ReadonlyMap<string, ResourceModelSetting> = new Map(),
): ScanPlan {
  const targets: ScanTarget[] = [];
  const skipped: SkippedScope[] = [];
  for (const request of kindRequests(resources, resourceModels)) {
    if (request.kind === ORGANIZATIONS_ACCOUNT_KIND) {
      for (const account of discovery.organizationAccounts) {
        const scope = { kind: request.kind, account: account.Id!, region: GLOBAL_REGION };
        targets.push({ scope, readRegion: homeRegion, accountRegions: [], useGetResource: false, organizationAccount: account });
      }
      if (discovery.organizationProblem !== undefined) {
        const scope = { kind: request.kind, account: discovery.managementAccountId ?? discovery.callerAccountId, region: GLOBAL_REGION };
        skipped.push({ scope, error: discovery.organizationProblem });
      }
      continue;
    }
    const isGlobal = isGlobalKind(request.kind);
    const kindRegionsOf = (regions: readonly string[]) => (isGlobal ? [GLOBAL_REGION] : regions.filter((r) => request.regionPolicies.some((p) => isRegionAllowed(p, r))));
    for (const access of discovery.accounts) {
      const accountRegions = regionsByAccount.get(access.accountId)?.regions ?? [...fallbackRegions];
      const globalReadRegion = accountRegions.includes(homeRegion) ? homeRegion : (accountRegions[0] ?? homeRegion);
      for (const region of kindRegionsOf(accountRegions)) {
        if (request.unlistable !== undefined) {
          skipped.push({ scope: { kind: request.kind, account: access.accountId, region }, error: request.unlistable });
          continue;
        }
        targets.push({
          scope: { kind: request.kind, account: access.accountId, region },
          access,
          readRegion: region === GLOBAL_REGION ? globalReadRegion : region,
          accountRegions,
          useGetResource: request.useGetResource,
          childListing: request.childListing,
        });
      }
    }
    for (const account of discovery.unreachable) {
      for (const region of kindRegionsOf(fallbackRegions)) skipped.push({ scope: { kind: request.kind, account: account.accountId, region }, error: account.reason });
    }
  }
  return { targets, skipped };
}

function kindRequests(resources: readonly ResourceConfig[], resourceModels: ReadonlyMap<string, ResourceModelSetting>): KindRequest[] {
  const byKind = new Map<string, KindRequest>();
  for (const resource of resources) {
    const request = byKind.get(resource.kind) ?? { kind: resource.kind, useGetResource: false, regionPolicies: [], ...listingOf(resource.kind, resourceModels.get(resource.kind)) };
    request.useGetResource ||= resource.selector.useGetResourceAPI;
    request.regionPolicies.push(resource.selector.regionPolicy);
    byKind.set(resource.kind, request);
  }
  return [...byKind.values()];
}

/** How a kind is listed: alone, through its parents, or not at all (and why). */
function listingOf(kind: string, setting: ResourceModelSetting | undefined): Pick<KindRequest, 'childListing' | 'unlistable'> {
  const childListing = childListingOf(kind, setting);
  if (childListing) return { childListing };
  const required = unresolvedListProperties(kind);
  if (!required) return {};
  return {
    unlistable:
      `Cloud Control lists ${kind} only with a ResourceModel naming ${required.join(', ')}, and no parent kind is known to give it: ` +
      'set selector.resourceModel (and selector.parentKind when a parent resource gives it)',
  };
}
