/**
 * The source stage: finds the accounts and regions of a run, decides its scopes (kind x account x
 * region) and reads them through Cloud Control and Organizations, streaming raw items page by page.
 * Every AWS call goes through one CallScheduler (a global budget, an AIMD rate per account, region
 * and API, lanes taken in turn, each failure classified once and retried by class). A scope that
 * cannot be read fully is reported as skipped, never thrown: invariant 1 depends on it.
 */
export type { RawItem } from './raw-item.js';
export { discoverAccounts, homeRegionOf, type AccountDiscovery, type DiscoverOptions, type DiscoveryProgress, type UnreachableAccount } from './discover-accounts.js';
export { resolveRegions, environmentRegion, type AccountRegions } from './resolve-regions.js';
export { planScan, type ScanPlan, type ScanTarget, type SkippedScope } from './scan-targets.js';
export { scanEstate, type SourceEvent, type ScanOptions, type ScanStrategy } from './scan-estate.js';
export { defaultInstallationId } from './default-installation-id.js';
export { discoverScopes, BOOTSTRAP_REGION, type DiscoveredScopes, type DiscoverScopesOptions } from './discover-scopes.js';
export { readEstate, type EstateRead, type ReadEstateOptions, type ReadTuning } from './read-estate.js';
export { endpointFor, makeCloudControlClient, type AccountAccess, type AwsService, type RetryOwner } from './aws-clients.js';
export { assumeRoleCredentials, AssumeRoleFailed, type AssumeRoleOptions } from './assume-role-credentials.js';
export { readResource } from './read-resource.js';
export { unresolvedListProperties, tableParentOf, type ParentRef, type ResourceModelSetting } from './child-kind.js';
export { resourceReadFailureOf, type ResourceReadFailure } from './resource-read-failure.js';
export { readScope, type ScopeReadContext } from './read-scope.js';
export { CloudControlClients } from './cloud-control-clients.js';
export { describeAwsError, awsErrorName } from './aws-error.js';
export { CallScheduler, type AwsApi, type CallEvent, type CallLane, type SchedulerSettings } from './call-scheduler.js';
export { classifyAwsError, type ClassifiedError } from './classify-aws-error.js';
export { shardOfAccount, isAccountInShard, type Shard } from './shard.js';
export type { Clock } from './clock.js';
export type { RegionHints } from './region-hints.js';
export type { ScanProgress } from './scan-progress.js';
