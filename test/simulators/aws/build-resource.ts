import { createHash } from 'node:crypto';
import type { EstateResource } from './estate.js';

/** What to build: the scope and primary name of one resource. */
export interface ResourceSpec {
  /** `AWS::Service::Thing`. */
  type: string;
  account: string;
  region: string;
  /** The primary identifier: bucket name, instance id (`i-...`), cluster, stream or function name; a name for other types. */
  name: string;
  /** Sent as `Tags: [{Key, Value}]`. */
  tags?: Record<string, string>;
  /** Merged over the built properties (wins). */
  properties?: Record<string, unknown>;
}

type Builder = (spec: ResourceSpec) => Record<string, unknown>;

/** Properties per type, shaped like Cloud Control's GetResource answers for them. */
const BUILDERS: Readonly<Record<string, Builder>> = {
  'AWS::S3::Bucket': ({ name, region }) => ({
    BucketName: name,
    Arn: `arn:aws:s3:::${name}`,
    DomainName: `${name}.s3.amazonaws.com`,
    RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
    DualStackDomainName: `${name}.s3.dualstack.${region}.amazonaws.com`,
    WebsiteURL: `http://${name}.s3-website-${region}.amazonaws.com`,
  }),
  'AWS::EC2::Instance': ({ name, region }) => {
    const digest = createHash('sha256').update(name).digest();
    const ip = `10.${digest[0]}.${digest[1]}.${(digest[2] ?? 0) % 254 + 1}`;
    return {
      InstanceId: name,
      InstanceType: 't3.micro',
      ImageId: `ami-0${digest.toString('hex').slice(0, 16)}`,
      State: { Code: '16', Name: 'running' },
      AvailabilityZone: `${region}a`,
      PrivateIpAddress: ip,
      PrivateDnsName: `ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`,
    };
  },
  'AWS::ECS::Cluster': ({ name, account, region }) => ({
    ClusterName: name,
    Arn: `arn:aws:ecs:${region}:${account}:cluster/${name}`,
    CapacityProviders: [],
    ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }],
  }),
  'AWS::Kinesis::Stream': ({ name, account, region }) => ({
    Name: name,
    Arn: `arn:aws:kinesis:${region}:${account}:stream/${name}`,
    RetentionPeriodHours: 24,
    ShardCount: 1,
    StreamModeDetails: { StreamMode: 'PROVISIONED' },
  }),
  'AWS::Lambda::Function': ({ name, account, region }) => ({
    FunctionName: name,
    Arn: `arn:aws:lambda:${region}:${account}:function:${name}`,
    Runtime: 'nodejs20.x',
    MemorySize: 128,
    Timeout: 3,
  }),
};

/** Generic properties of any other type: `Name` and an ARN made from the type name. */
const genericBuilder: Builder = ({ type, name, account, region }) => {
  const [, service = 'unknown', thing = 'resource'] = type.split('::');
  return { Name: name, Arn: `arn:aws:${service.toLowerCase()}:${region}:${account}:${thing.toLowerCase()}/${name}` };
};

/**
 * A realistic estate resource: properties shaped per type (S3 buckets carry `RegionalDomainName`,
 * which is how clients learn a bucket's region; EC2 instances, as in AWS, have no `Arn`),
 * deterministic for the same spec.
 */
export function buildResource(spec: ResourceSpec): EstateResource {
  const build = BUILDERS[spec.type] ?? genericBuilder;
  const tags = Object.entries(spec.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return {
    type: spec.type,
    account: spec.account,
    region: spec.region,
    identifier: spec.name,
    properties: { ...build(spec), ...(tags.length > 0 ? { Tags: tags } : {}), ...spec.properties },
  };
}
