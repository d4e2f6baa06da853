/**
 * A scope is one (kind, account, region): the unit that is fetched, that can fail on its own, and that
 * owns entities. Global kinds (S3 buckets, Organizations accounts) use the region `global`.
 */
export interface Scope {
  kind: string;
  account: string;
  region: string;
}

/** The region name of scopes of global kinds. */
export const GLOBAL_REGION = 'global';

/** A stable key for maps and sets. */
export function scopeKey(scope: Scope): string {
  return `${scope.kind}\u0000${scope.account}\u0000${scope.region}`;
}
