import type { ResourceConfig } from '../../src/config/types.js';
import { buildResource } from './builders.js';

/** The seed's link property: a console link when the resource has an ARN. */
const LINK = '.Properties | select(.Arn != null) | "https://console.aws.amazon.com/go/view?arn=" + .Arn';
const CLOUD_RESOURCE_PROPERTIES = { kind: '.__Kind', region: '.__Region', tags: '.Properties.Tags', arn: '.Properties.Arn', link: LINK };

/**
 * The four resource configs of examples/port-app-config.yml, written by hand (the test checks them
 * against the file) so that the mapping is tested without the config loader.
 */
export const SEED_RESOURCES: ResourceConfig[] = [
  buildResource({
    index: 0,
    kind: 'AWS::Organizations::Account',
    identifier: '.Id',
    title: '.Name',
    blueprint: '"awsAccount"',
    properties: {
      arn: '.Arn',
      email: '.Email',
      status: '.Status',
      joined_method: '.JoinedMethod',
      joined_timestamp: '.JoinedTimestamp | sub(" "; "T")',
    },
  }),
  buildResource({
    index: 1,
    kind: 'AWS::S3::Bucket',
    identifier: '.Identifier',
    title: '.Identifier',
    properties: {
      kind: '.__Kind',
      region: '.Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
      tags: '.Properties.Tags',
      arn: '.Properties.Arn',
      link: LINK,
    },
    relations: { account: '.__AccountId' },
  }),
  buildResource({
    index: 2,
    kind: 'AWS::EC2::Instance',
    identifier: '.Identifier',
    title: '.Identifier',
    properties: CLOUD_RESOURCE_PROPERTIES,
    relations: { account: '.__AccountId' },
  }),
  buildResource({
    index: 3,
    kind: 'AWS::ECS::Cluster',
    identifier: '.Properties.Arn',
    title: '.Identifier',
    properties: CLOUD_RESOURCE_PROPERTIES,
    relations: { account: '.__AccountId' },
  }),
];
