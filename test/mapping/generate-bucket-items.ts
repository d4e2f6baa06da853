import type { RawItem } from '../../src/aws/raw-item.js';
import { seededRandom } from './builders.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1'];
const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444'];
const TEAMS = ['platform', 'data', 'payments', 'web', 'ml'];

/**
 * `count` S3 buckets as Cloud Control's GetResource describes them (about 1 KB of JSON each):
 * encryption, public access block, ownership, versioning, website, tags. Complete and valid, so that
 * every mapping engine gives one entity per bucket. Same seed, same items.
 */
export function generateBucketItems(count: number, seed: number): RawItem[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return Array.from({ length: count }, (_, index): RawItem => {
    const name = `${pick(['logs', 'assets', 'backup', 'data-lake', 'artifacts'])}-${index}-${hex(8)}`;
    const region = pick(REGIONS);
    const account = pick(ACCOUNTS);
    return {
      Identifier: name,
      Properties: {
        Arn: `arn:aws:s3:::${name}`,
        BucketName: name,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
        DualStackDomainName: `${name}.s3.dualstack.${region}.amazonaws.com`,
        WebsiteURL: `http://${name}.s3-website-${region}.amazonaws.com`,
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: pick(['AES256', 'aws:kms']) }, BucketKeyEnabled: random() < 0.5 }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: random() < 0.9 },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: { Status: pick(['Enabled', 'Suspended']) },
        Tags: [
          { Key: 'team', Value: pick(TEAMS) },
          { Key: 'env', Value: pick(['prod', 'staging', 'dev']) },
          { Key: 'cost-center', Value: hex(6) },
        ],
      },
      __Kind: 'AWS::S3::Bucket',
      __AccountId: account,
      __Region: region,
    };
  });
}
