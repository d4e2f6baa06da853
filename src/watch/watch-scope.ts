import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { makeCloudControlClient, type AccountAccess, type ScanTarget } from '../aws/index.js';
import { scopeOfRef, type ResourceRef } from './resource-ref.js';
import { scopeKey } from '../model/index.js';

/** Whether watch acts on a resource an event names. */
export type Admission = 'admitted' | 'unmapped_kind' | 'out_of_scope';

/**
 * What this watch reads: exactly the scopes a full read plans (configured kinds after --target, each
 * reachable account of this shard, the regions its region policies allow among the account's own;
 * global kinds once per account), with each account's credentials. An event outside them is
 * acknowledged, never applied: applying it would create what the next full resync deletes. Keeps
 * one Cloud Control client per account and region.
 */
export class WatchScope {
  private readonly kinds: ReadonlySet<string>;
  private readonly accessByScope = new Map<string, AccountAccess>();
  private readonly clients = new Map<string, CloudControlClient>();

  constructor(kinds: Iterable<string>, targets: readonly ScanTarget[]) {
    this.kinds = new Set(kinds);
    for (const target of targets) if (target.access) this.accessByScope.set(scopeKey(target.scope), target.access);
  }

  /** Scopes watched. */
  get scopeCount(): number {
    return this.accessByScope.size;
  }

  /** Accounts watched. */
  get accountIds(): string[] {
    return [...new Set([...this.accessByScope.values()].map((a) => a.accountId))].sort();
  }

  /** Whether the resource is watched: its kind mapped, and its scope one a full read reads. */
  admit(ref: ResourceRef): Admission {
    if (!this.kinds.has(ref.kind)) return 'unmapped_kind';
    return this.accessByScope.has(scopeKey(scopeOfRef(ref))) ? 'admitted' : 'out_of_scope';
  }

  /** The Cloud Control client of an admitted resource's account (a member's assumed role) and region. */
  clientFor(ref: ResourceRef): CloudControlClient {
    const access = this.accessByScope.get(scopeKey(scopeOfRef(ref)));
    // Only admitted resources are read: a resource of no watched scope here is a bug, not a user's input.
    if (!access) throw new Error(`${ref.kind} ${ref.account}/${ref.region} is not watched`);
    const key = `${ref.account}/${ref.region}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = makeCloudControlClient(access, ref.region)));
    return client;
  }

  /** Closes the clients' connections. */
  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
