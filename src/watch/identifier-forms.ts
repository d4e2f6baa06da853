import { dnsSuffixOf, refOfArn } from './arn-kinds.js';
import type { ResourceRef } from './resource-ref.js';

/**
 * How a value found in an event becomes a resource's primary identifier:
 * - `verbatim`: it already is one (bucket name, instance id, table name, topic ARN, role name).
 * - `arn`: an ARN, resolved through ARN_KINDS (the kind comes from the ARN; tag calls name any type).
 * - `ec2-id`: an EC2 id whose prefix names the kind (`i-` instance, `vpc-`, `subnet-`, `sg-`, `vol-`).
 * - `lambda-function`: a function name, a (partial) function ARN, or `name:qualifier`: the name.
 * - `sqs-queue-url`: a queue URL in any of AWS's spellings, rewritten as Cloud Control's
 *   `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`.
 * - `lowercase`: identifiers AWS stores in lower case whatever the caller typed (RDS).
 */
export type IdentifierForm = 'verbatim' | 'arn' | 'ec2-id' | 'lambda-function' | 'sqs-queue-url' | 'lowercase';

/** EC2 id prefixes and the kinds they name (data: add a row to support a type). */
export const EC2_ID_KINDS: Readonly<Record<string, string>> = {
  'i-': 'AWS::EC2::Instance',
  'vpc-': 'AWS::EC2::VPC',
  'subnet-': 'AWS::EC2::Subnet',
  'sg-': 'AWS::EC2::SecurityGroup',
  'vol-': 'AWS::EC2::Volume',
};

/** Where the event happened: the account and region a value is read in. */
export interface EventPlace {
  account: string;
  region: string;
}

/**
 * The resource a value names, read in `form`; `kind` is the rule's kind (ignored by `arn` and
 * `ec2-id`, which find their own). Undefined when the value names nothing this table knows.
 */
export function refOfValue(value: string, form: IdentifierForm, kind: string | undefined, place: EventPlace): ResourceRef | undefined {
  const at = (k: string | undefined, identifier: string): ResourceRef | undefined => (k && identifier ? { kind: k, account: place.account, region: place.region, identifier } : undefined);
  switch (form) {
    case 'verbatim':
      return at(kind, value);
    case 'lowercase':
      return at(kind, value.toLowerCase());
    case 'arn':
      return refOfArn(value, place);
    case 'ec2-id': {
      const prefix = Object.keys(EC2_ID_KINDS).find((p) => value.startsWith(p));
      return prefix ? at(EC2_ID_KINDS[prefix], value) : undefined;
    }
    case 'lambda-function': {
      if (value.startsWith('arn:')) return refOfArn(value, place);
      const name = value.includes(':function:') ? value.split(':function:')[1]! : value;
      return at(kind, name.split(':')[0]!);
    }
    case 'sqs-queue-url':
      return at(kind, canonicalQueueUrl(value, place.region));
  }
}

/** `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME` from any spelling AWS uses (legacy `queue.amazonaws.com` included). */
function canonicalQueueUrl(url: string, region: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return url;
  }
  const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
  if (!match) return url;
  return `https://sqs.${region}.${dnsSuffixOf(partitionOfRegion(region))}/${match[1]}/${match[2]}`;
}

/** The partition a region belongs to. */
function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
