import {
  awsErrorName,
  CloudControlClients,
  describeAwsError,
  environmentRegion,
  homeRegionOf,
  planScan,
  readScope,
  type AccountAccess,
  type AccountDiscovery,
  type CallScheduler,
  type RawItem,
  type ScanTarget,
} from '../aws/index.js';
import type { AwsSettings, ResourceConfig } from '../config/index.js';
import { ORGANIZATIONS_ACCOUNT_KIND } from '../model/index.js';
import { SAMPLE_ITEMS_PER_KIND } from './constants.js';
import { failed, passed, type DoctorCheck } from './doctor-check.js';

/** What listing each configured kind gave: a line per kind, and the items read, by kind. */
export interface KindSamples {
  checks: DoctorCheck[];
  items: Map<string, RawItem[]>;
}

/** Thrown from the page callback to stop a read once the sample is full. */
const SAMPLE_FULL = Symbol('sample full');

/**
 * Lists each configured kind in one account (the first readable: the caller's own when it is read) and
 * one region (the first of aws.regions, else AWS_REGION, else the partition's home region), the way a
 * run reads a scope (readScope: GetResource too when the config asks), stopping after
 * SAMPLE_ITEMS_PER_KIND items. `AWS::Organizations::Account` items are the accounts Organizations
 * listed (the Organizations check is their line).
 */
export async function sampleKinds(
  resources: readonly ResourceConfig[],
  discovery: AccountDiscovery,
  account: AccountAccess,
  settings: AwsSettings,
  options: { scheduler: CallScheduler; env: NodeJS.ProcessEnv },
): Promise<KindSamples> {
  const homeRegion = homeRegionOf(discovery.partition);
  const region = settings.regions[0] ?? environmentRegion(options.env) ?? homeRegion;
  const scan = planScan(resources, { ...discovery, accounts: [account], unreachable: [] }, new Map([[account.accountId, { regions: [region] }]]), [region], homeRegion);
  const clients = new CloudControlClients();
  const items = new Map<string, RawItem[]>();
  try {
    const byKind = new Map<string, ScanTarget[]>();
    for (const target of scan.targets) byKind.set(target.scope.kind, [...(byKind.get(target.scope.kind) ?? []), target]);
    const checks = await Promise.all(
      [...byKind].map(async ([kind, targets]): Promise<DoctorCheck | undefined> => {
        const sample: RawItem[] = [];
        items.set(kind, sample);
        try {
          for (const target of targets.slice(0, kind === ORGANIZATIONS_ACCOUNT_KIND ? SAMPLE_ITEMS_PER_KIND : 1)) await readSample(target, { scheduler: options.scheduler, clients }, sample);
        } catch (error) {
          return kindFailure(kind, targets[0]!, error);
        }
        if (kind === ORGANIZATIONS_ACCOUNT_KIND) return undefined;
        const where = whereOf(targets[0]!);
        return passed('kind', `kind ${kind}`, kind, `ListResources in ${where}: ${sample.length === 0 ? 'no resources there (nothing to sample)' : `read ${sample.length} to sample`}`);
      }),
    );
    return { checks: checks.filter((check): check is DoctorCheck => check !== undefined), items };
  } finally {
    clients.destroy();
  }
}

async function readSample(target: ScanTarget, context: { scheduler: CallScheduler; clients: CloudControlClients }, sample: RawItem[]): Promise<void> {
  try {
    await readScope(target, context, {
      push: async (page) => {
        sample.push(...page.slice(0, SAMPLE_ITEMS_PER_KIND - sample.length));
        if (sample.length >= SAMPLE_ITEMS_PER_KIND) throw SAMPLE_FULL;
      },
      // A sample needs only the items that could be read.
      unread: async () => {},
    });
  } catch (error) {
    if (error !== SAMPLE_FULL) throw error;
  }
}

/** `account 111111111111, us-east-1`: where the kind was listed. */
function whereOf(target: ScanTarget): string {
  return `account ${target.scope.account}, ${target.readRegion}`;
}

/** The kind's line when it cannot be listed, with the fix its error calls for. */
function kindFailure(kind: string, target: ScanTarget, error: unknown): DoctorCheck {
  const where = whereOf(target);
  const detail = `ListResources in ${where}: ${describeAwsError(error)}`;
  const name = `kind ${kind}`;
  switch (awsErrorName(error)) {
    case 'TypeNotFoundException':
      return failed(
        'kind',
        name,
        kind,
        `${kind} is not a Cloud Control resource type in ${target.readRegion} (${detail})`,
        `Check the name against the CloudFormation resource type reference (AWS::Service::Resource, e.g. AWS::EC2::Instance), or remove it from resources: Cloud Control reads only the types it supports. \`aws cloudcontrol list-resources --type-name ${kind}\` answers the same.`,
      );
    case 'UnsupportedActionException':
      return failed('kind', name, kind, `${kind} cannot be listed through Cloud Control (${detail})`, `Remove ${kind} from resources: Cloud Control has no list handler for it.`);
    case 'AccessDeniedException':
    case 'AccessDenied':
      return failed(
        'kind',
        name,
        kind,
        detail,
        `Allow cloudformation:ListResources and cloudformation:GetResource, and the read permissions of ${kind} (e.g. the ReadOnlyAccess managed policy), to the credentials that read account ${target.scope.account}.`,
      );
    default:
      return failed('kind', name, kind, detail, 'Run doctor again; if it persists, check the network, the proxy and AWS_ENDPOINT_URL, and the message above.');
  }
}
