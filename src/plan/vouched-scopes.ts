import { isUnknownScope, scopeKey, type Scope } from '../model/index.js';

/** What one run read, as far as deletions are concerned. */
export interface ReadCoverage {
  /** Kinds this run was asked to plan (after `--target`). */
  plannedKinds: ReadonlySet<string>;
  /** Kinds the config maps at all. */
  configuredKinds: ReadonlySet<string>;
  /** Scopes read to their last page, every item mapped. */
  completeScopes: ReadonlySet<string>;
  /** Every scope this run set out to read (complete or not), by scopeKey. */
  intendedScopes: ReadonlySet<string>;
  /** Every account this run knows of (read or unreachable). */
  knownAccounts: ReadonlySet<string>;
  /** True when an account of this run missing from `knownAccounts` is gone for sure. */
  isAccountListComplete: boolean;
  /** Whether an account is this run's to judge (under `--shard`, only this shard's). */
  isAccountOfRun: (accountId: string) => boolean;
  /**
   * True when this run read every scope of every configured kind completely: no `--target`, no skipped
   * scope, no unread or unmappable item, and a complete account list. Only such a run vouches for
   * entities of unknown scope.
   */
  isEveryScopeRead: boolean;
}

/** A scope whose entities may be deleted when not produced, and why that is safe. */
export interface VouchedScope {
  scope: Scope;
  reason: string;
}

/**
 * Which of the scopes that own entities in the state vouch for deletions (invariant 1). A scope vouches
 * when it was read completely this run, or when it is out of what the config asks for, as far as this
 * run can tell for sure: its kind is no longer configured, its account is gone from a complete account
 * list, or its region is no longer read. A scope this run meant to read but could not never vouches.
 * The unknown scope (entities rebuilt from Port, owner not known) vouches only when the run read every
 * scope completely: whichever scope owned such an entity, it was read and did not produce it.
 */
export function vouchedScopes(owningScopes: readonly Scope[], coverage: ReadCoverage): VouchedScope[] {
  const vouched: VouchedScope[] = [];
  for (const scope of owningScopes) {
    const reason = vouchReason(scope, coverage);
    if (reason) vouched.push({ scope, reason });
  }
  return vouched;
}

function vouchReason(scope: Scope, coverage: ReadCoverage): string | undefined {
  if (isUnknownScope(scope)) return coverage.isEveryScopeRead ? 'no longer in AWS (every scope was read completely)' : undefined;
  if (!coverage.plannedKinds.has(scope.kind)) return undefined;
  const key = scopeKey(scope);
  if (coverage.completeScopes.has(key)) return 'no longer in AWS';
  if (coverage.intendedScopes.has(key)) return undefined;
  if (!coverage.configuredKinds.has(scope.kind)) return `${scope.kind} is no longer in the config`;
  if (!coverage.knownAccounts.has(scope.account)) {
    return coverage.isAccountListComplete && coverage.isAccountOfRun(scope.account) ? `account ${scope.account} is no longer read` : undefined;
  }
  return `region ${scope.region} is no longer read for ${scope.kind}`;
}
