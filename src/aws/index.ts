/**
 * The source stage: finds the accounts and regions of a run, decides its scopes (kind x account x
 * region) and reads them through Cloud Control and Organizations, streaming raw items page by page.
 * A scope that cannot be read fully is reported as skipped, never thrown: invariant 1 depends on it.
 */
export type { RawItem } from './raw-item.js';
export { formatScope, scopeKey, GLOBAL_REGION, type Scope } from './scope.js';
export { discoverAccounts, homeRegionOf, type AccountDiscovery, type UnreachableAccount } from './discover-accounts.js';
export { resolveRegions } from './resolve-regions.js';
export { planScan, type ScanPlan, type ScanTarget, type SkippedScope } from './scan-targets.js';
export { scanEstate, type SourceEvent, type ScanOptions } from './scan-estate.js';
export { isRegionAllowed } from './region-policy.js';
export { endpointFor, type AccountAccess } from './aws-clients.js';
export { describeAwsError } from './aws-error.js';
