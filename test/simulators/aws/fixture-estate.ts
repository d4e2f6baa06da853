import { buildResource } from './build-resource.js';
import type { Estate } from './estate.js';

/** Management account of the fixture estate. */
export const MANAGEMENT = '111111111111';
/** A member account that requires an ExternalId to be assumed. */
export const MEMBER = '222222222222';
/** A member account whose role anyone may assume. */
export const OTHER_MEMBER = '333333333333';
/** The ExternalId `MEMBER` requires. */
export const MEMBER_EXTERNAL_ID = 'port-external-id';

/** Identifiers of the 12 EC2 instances of the management account in us-east-1. */
export const EAST_INSTANCE_IDS = Array.from({ length: 12 }, (_, i) => `i-0east${String(i).padStart(12, '0')}`);

/**
 * A small estate for the simulator's own tests: an Organization of three accounts, two regions,
 * buckets in both regions and in two accounts, a dozen instances in one scope (enough for several
 * pages) and one elsewhere, an ECS cluster and a Kinesis stream (types whose List answers are partial).
 */
export function fixtureEstate(): Estate {
  const ec2 = (account: string, region: string, name: string) => buildResource({ type: 'AWS::EC2::Instance', account, region, name, tags: { Name: name } });
  return {
    organization: { id: 'o-abcdefghij', managementAccountId: MANAGEMENT },
    accounts: [
      { Id: MANAGEMENT, Name: 'management', Email: 'root@example.com', State: 'ACTIVE', Status: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: 1700000000.123 },
      { Id: MEMBER, Name: 'workloads', Email: 'workloads@example.com', State: 'ACTIVE', JoinedMethod: 'INVITED', JoinedTimestamp: 1700086400, requiredExternalId: MEMBER_EXTERNAL_ID },
      { Id: OTHER_MEMBER, Name: 'sandbox', Email: 'sandbox@example.com', State: 'SUSPENDED', JoinedMethod: 'CREATED', JoinedTimestamp: 1700172800.5 },
    ],
    regions: ['us-east-1', 'eu-west-1'],
    resources: [
      buildResource({ type: 'AWS::S3::Bucket', account: MANAGEMENT, region: 'us-east-1', name: 'east-bucket', tags: { env: 'prod' } }),
      buildResource({ type: 'AWS::S3::Bucket', account: MANAGEMENT, region: 'eu-west-1', name: 'west-bucket' }),
      buildResource({ type: 'AWS::S3::Bucket', account: MEMBER, region: 'us-east-1', name: 'member-bucket' }),
      ...EAST_INSTANCE_IDS.map((id) => ec2(MANAGEMENT, 'us-east-1', id)),
      ec2(MANAGEMENT, 'eu-west-1', 'i-0west000000000001'),
      ec2(MEMBER, 'us-east-1', 'i-0member0000000001'),
      buildResource({ type: 'AWS::ECS::Cluster', account: MANAGEMENT, region: 'us-east-1', name: 'main' }),
      buildResource({ type: 'AWS::Kinesis::Stream', account: MANAGEMENT, region: 'us-east-1', name: 'clicks' }),
    ],
  };
}
