import { buildResource } from './build-resource.js';
import type { Estate, EstateAccount, EstateResource } from './estate.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** What to generate; the same options always give the same estate. */
export interface GenerateEstateOptions {
  seed: number;
  /** Number of accounts (at least 1); the first is the Organization's management account. */
  accounts: number;
  /** Region names, or a count of regions taken in order from a fixed list of real ones. */
  regions: number | string[];
  /** Type names, e.g. `AWS::S3::Bucket`; unknown ones get generic properties. */
  kinds: string[];
  /** Resources per (kind, account, region). Buckets are generated per region too and carry that region. */
  resourcesPerScope: number;
  /** Whether the accounts form an Organization (default true). */
  withOrganization?: boolean;
}

const REGION_NAMES = [
  'us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1', 'us-east-2', 'ap-northeast-1',
  'eu-west-2', 'ca-central-1', 'ap-south-1', 'sa-east-1', 'eu-north-1', 'ap-southeast-1', 'us-west-1',
];
const WORDS = ['billing', 'orders', 'search', 'ledger', 'media', 'events', 'reports', 'identity', 'catalog', 'payments'];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const TEAMS = ['platform', 'data', 'payments', 'growth'];
const INSTANCE_TYPES = ['t3.micro', 't3.large', 'm6i.xlarge', 'c7g.2xlarge'];
const INSTANCE_STATES = [{ Code: '16', Name: 'running' }, { Code: '16', Name: 'running' }, { Code: '80', Name: 'stopped' }];
/** 2023-11-14T22:13:20Z: accounts joined one day apart from here. */
const BASE_JOINED_SECONDS = 1_700_000_000;

/**
 * A seeded, realistic estate for scale tests and benchmarks: accounts (all ACTIVE, with fixed join
 * times, some with a zero fraction), regions, and `resourcesPerScope` resources of each kind in each
 * account and region, with per-kind properties and tags.
 */
export function generateEstate(options: GenerateEstateOptions): Estate {
  if (options.accounts < 1) throw new Error('generateEstate: at least one account');
  const random = seededRandom(options.seed);
  const regions = typeof options.regions === 'number' ? REGION_NAMES.slice(0, options.regions) : options.regions;
  const accounts = generateAccounts(random, options.accounts);
  const management = accounts[0] as EstateAccount;
  const resources: EstateResource[] = [];
  for (const account of accounts) {
    for (const region of regions) {
      for (const kind of options.kinds) {
        for (let i = 0; i < options.resourcesPerScope; i += 1) resources.push(generateResource(random, kind, account.Id, region, i));
      }
    }
  }
  return {
    organization: options.withOrganization === false ? null : { id: `o-${random.chars(10, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, managementAccountId: management.Id },
    accounts,
    regions,
    resources,
  };
}

function generateAccounts(random: SeededRandom, count: number): EstateAccount[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`${1 + random.int(9)}${random.chars(11, '0123456789')}`);
  return [...ids].map((id, i) => {
    const fraction = i % 4 === 0 ? 0 : (1 + random.int(999)) / 1000;
    return {
      Id: id,
      Name: i === 0 ? 'management' : `${random.pick(WORDS)}-${random.pick(ENVIRONMENTS)}-${i}`,
      Email: `aws+${id}@example.com`,
      State: 'ACTIVE',
      JoinedMethod: i === 0 ? 'CREATED' : random.pick(['CREATED', 'INVITED']),
      JoinedTimestamp: BASE_JOINED_SECONDS + i * 86_400 + fraction,
    };
  });
}

function generateResource(random: SeededRandom, kind: string, account: string, region: string, i: number): EstateResource {
  const tags = { env: random.pick(ENVIRONMENTS), team: random.pick(TEAMS) };
  const word = random.pick(WORDS);
  switch (kind) {
    case 'AWS::S3::Bucket':
      return buildResource({ type: kind, account, region, name: `${word}-${account}-${region}-${i}`, tags });
    case 'AWS::EC2::Instance':
      return buildResource({
        type: kind,
        account,
        region,
        name: `i-0${random.chars(16, '0123456789abcdef')}`,
        tags: { Name: `${word}-${i}`, ...tags },
        properties: { InstanceType: random.pick(INSTANCE_TYPES), State: random.pick(INSTANCE_STATES) },
      });
    default:
      return buildResource({ type: kind, account, region, name: `${word}-${i}`, tags });
  }
}
