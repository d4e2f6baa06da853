import { GetResourceCommand, ListResourcesCommand, type CloudControlClient, type ResourceDescription } from '@aws-sdk/client-cloudcontrol';
import type { Account } from '@aws-sdk/client-organizations';
import { AsyncChannel } from './async-channel.js';
import { makeCloudControlClient } from './aws-clients.js';
import { awsErrorName, describeAwsError } from './aws-error.js';
import { bucketRegionOf, ORGANIZATIONS_ACCOUNT_KIND } from './global-kinds.js';
import { organizationAccountItem } from './organization-account-item.js';
import type { RawItem } from './raw-item.js';
import type { ScanTarget } from './scan-targets.js';
import type { Scope } from './scope.js';
import { Semaphore } from './semaphore.js';

/** What reading the estate reports, in the order it happens. */
export type SourceEvent =
  /** A page of items of one scope. */
  | { type: 'items'; scope: Scope; items: RawItem[] }
  /** The scope's last page was read: what it did not produce is gone. */
  | { type: 'scope-complete'; scope: Scope; itemCount: number }
  /** The scope could not be read fully; what it owns must be kept. */
  | { type: 'scope-skipped'; scope: Scope; error: string };

export interface ScanOptions {
  /** How many AWS calls may be in flight at once. */
  parallelism: number;
  /** The Organizations accounts already listed during discovery. */
  organizationAccounts: readonly Account[];
}

/** Pages waiting for the consumer before producers pause (bounds memory). */
const CHANNEL_CAPACITY = 64;

/**
 * Reads every target concurrently under one call budget and streams the results. Never throws for a
 * scope's failure: that scope ends with `scope-skipped`, and every other scope goes on.
 */
export function scanEstate(targets: readonly ScanTarget[], options: ScanOptions): AsyncIterable<SourceEvent> {
  const channel = new AsyncChannel<SourceEvent>(CHANNEL_CAPACITY);
  const budget = new Semaphore(options.parallelism);
  const clients = new Map<string, CloudControlClient>();
  const clientFor = (target: ScanTarget, region: string): CloudControlClient => {
    const key = `${target.scope.account}/${region}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = makeCloudControlClient(target.access!, region)));
    return client;
  };
  const readOne = async (target: ScanTarget): Promise<void> => {
    try {
      const itemCount =
        target.scope.kind === ORGANIZATIONS_ACCOUNT_KIND
          ? await emitOrganizationAccounts(target, options.organizationAccounts, channel)
          : await readCloudControlScope(target, clientFor, budget, channel);
      await channel.push({ type: 'scope-complete', scope: target.scope, itemCount });
    } catch (error) {
      await channel.push({ type: 'scope-skipped', scope: target.scope, error: describeAwsError(error) });
    }
  };
  Promise.all(shuffled(targets).map(readOne)).then(
    () => channel.close(),
    (error: unknown) => channel.fail(error),
  );
  return channel;
}

async function emitOrganizationAccounts(target: ScanTarget, accounts: readonly Account[], channel: AsyncChannel<SourceEvent>): Promise<number> {
  const items = accounts.map((account) => organizationAccountItem(account, target.readRegion));
  if (items.length > 0) await channel.push({ type: 'items', scope: target.scope, items });
  return items.length;
}

/** Lists one scope page by page (through empty pages, until NextToken is absent). */
async function readCloudControlScope(
  target: ScanTarget,
  clientFor: (target: ScanTarget, region: string) => CloudControlClient,
  budget: Semaphore,
  channel: AsyncChannel<SourceEvent>,
): Promise<number> {
  const { kind } = target.scope;
  const listClient = clientFor(target, target.readRegion);
  let nextToken: string | undefined;
  let itemCount = 0;
  do {
    const page = await budget.run(() => listClient.send(new ListResourcesCommand({ TypeName: kind, NextToken: nextToken })));
    nextToken = page.NextToken;
    const listed = (page.ResourceDescriptions ?? []).map((d) => toRawItem(target, d, target.readRegion));
    const items = target.useGetResource ? await readEach(target, listed, clientFor, budget) : listed;
    if (items.length > 0) await channel.push({ type: 'items', scope: target.scope, items });
    itemCount += items.length;
  } while (nextToken);
  return itemCount;
}

/** GetResource for every listed item, concurrently under the budget; items gone meanwhile are dropped. */
async function readEach(target: ScanTarget, listed: RawItem[], clientFor: (target: ScanTarget, region: string) => CloudControlClient, budget: Semaphore): Promise<RawItem[]> {
  const read = await Promise.all(
    listed.map(async (item) => {
      const region = item.__Region;
      try {
        const answer = await budget.run(() => clientFor(target, region).send(new GetResourceCommand({ TypeName: target.scope.kind, Identifier: item.Identifier })));
        return toRawItem(target, answer.ResourceDescription ?? {}, region);
      } catch (error) {
        if (awsErrorName(error) === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    }),
  );
  return read.filter((item): item is RawItem => item !== undefined);
}

function toRawItem(target: ScanTarget, description: ResourceDescription, region: string): RawItem {
  const properties = description.Properties ? (JSON.parse(description.Properties) as Record<string, unknown>) : {};
  return {
    Identifier: description.Identifier,
    Properties: properties,
    __Kind: target.scope.kind,
    __AccountId: target.scope.account,
    __Region: bucketRegionOf(properties) ?? region,
  };
}

/** Interleaves accounts, regions and kinds, so that no single API is hammered while others idle. */
function shuffled<T>(values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
