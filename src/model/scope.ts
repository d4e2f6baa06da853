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

/**
 * The owner of an entity whose scope is not known: one rebuilt from Port (`state rebuild`), where
 * Port's record names no AWS scope. No AWS kind, account or region is spelt so. Such an entity is
 * deleted only after a run that read every scope completely (invariant 1), and a run that produces it
 * again makes its scope the owner.
 */
export const UNKNOWN_SCOPE: Scope = Object.freeze({ kind: '(unknown)', account: '(unknown)', region: '(unknown)' });

/** True for the scope of an entity whose owner is not known (UNKNOWN_SCOPE). */
export function isUnknownScope(scope: Scope): boolean {
  return scope.kind === UNKNOWN_SCOPE.kind && scope.account === UNKNOWN_SCOPE.account && scope.region === UNKNOWN_SCOPE.region;
}
