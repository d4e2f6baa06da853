import type { RawItem } from '../../src/aws/raw-item.js';
import { seededRandom } from './builders.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const WORDS = ['alpha', 'billing', 'données', 'データ', 'Ελλάδα', 'prod', 'team 🚀', 'x"quote', 'back\\slash', 'line\nbreak'];

/**
 * `count` raw items of `kind`, as the seed mapping would meet them: mostly complete, with a few gaps
 * that make seed expressions fail or yield nothing (about one item in eight: no RegionalDomainName,
 * no Arn, no JoinedTimestamp), unicode in names and tags, and tags sometimes missing. Same seed, same items.
 */
export function generateSeedItems(kind: string, count: number, seed: number): RawItem[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const isGap = () => random() < 0.125;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const tags = () => (random() < 0.2 ? undefined : Array.from({ length: Math.floor(random() * 4) }, () => ({ Key: pick(WORDS), Value: `${pick(WORDS)}-${Math.floor(random() * 100)}` })));

  return Array.from({ length: count }, (_, index): RawItem => {
    const account = pick(ACCOUNTS);
    const region = pick(REGIONS);
    const base = { __Kind: kind, __AccountId: account, __Region: region };
    if (kind === 'AWS::Organizations::Account') {
      const id = String(100000000000 + Math.floor(random() * 899999999999));
      const fraction = random() < 0.5 ? '' : `.${String(Math.floor(random() * 1000)).padStart(3, '0')}000`;
      const item: RawItem = {
        Id: id,
        Arn: `arn:aws:organizations::111111111111:account/o-abc123/${id}`,
        Email: `${pick(['ops', 'dev', 'sécurité'])}+${index}@example.com`,
        Name: `${pick(WORDS)} ${index}`,
        Status: pick(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']),
        State: 'ACTIVE',
        JoinedMethod: pick(['CREATED', 'INVITED']),
        JoinedTimestamp: `2023-11-${String(1 + (index % 28)).padStart(2, '0')} 22:13:20${fraction}+00:00`,
        ...base,
        __Region: 'us-east-1',
      };
      if (isGap()) delete item['JoinedTimestamp'];
      return item;
    }
    const name = kind === 'AWS::EC2::Instance' ? `i-0${hex(16)}` : `${pick(['logs', 'assets', 'backup'])}-${index}-${hex(6)}`;
    const arn =
      kind === 'AWS::S3::Bucket'
        ? `arn:aws:s3:::${name}`
        : kind === 'AWS::EC2::Instance'
          ? `arn:aws:ec2:${region}:${account}:instance/${name}`
          : `arn:aws:ecs:${region}:${account}:cluster/${name}`;
    const properties: Record<string, unknown> = { Arn: arn, Tags: tags() };
    if (kind === 'AWS::S3::Bucket') properties['RegionalDomainName'] = `${name}.s3.${region}.amazonaws.com`;
    if (isGap()) delete properties['Arn'];
    if (isGap()) delete properties['RegionalDomainName'];
    if (properties['Tags'] === undefined) delete properties['Tags'];
    return { Identifier: name, Properties: properties, ...base };
  });
}
