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

/** The one way a scope is named in plans and messages: `AWS::EC2::Instance 111111111111 eu-west-1`. */
export function formatScope(scope: Scope): string {
  return `${scope.kind} ${scope.account} ${scope.region}`;
}

/** A stable key for maps and sets. */
export function scopeKey(scope: Scope): string {
  return `${scope.kind}\u0000${scope.account}\u0000${scope.region}`;
}
