/**
 * Kinds whose Cloud Control listing returns the same resources from every region: reading them once
 * per account is complete, and reading them per region would count every resource once per region.
 */
const GLOBAL_KIND_PREFIXES = ['AWS::S3::Bucket', 'AWS::IAM::', 'AWS::CloudFront::', 'AWS::Route53::'];

/** True for kinds listed once per account (see GLOBAL_KIND_PREFIXES). */
export function isGlobalKind(kind: string): boolean {
  return GLOBAL_KIND_PREFIXES.some((prefix) => kind === prefix || (prefix.endsWith('::') && kind.startsWith(prefix)));
}

/** S3 buckets: listed once per account, each read in its own region, which `__Region` then names. */
export const S3_BUCKET_KIND = 'AWS::S3::Bucket';

/** The kind read from Organizations, not Cloud Control, once per organization. */
export const ORGANIZATIONS_ACCOUNT_KIND = 'AWS::Organizations::Account';

/**
 * The region an S3 bucket lives in, from its `RegionalDomainName` (`name.s3.eu-west-1.amazonaws.com`);
 * undefined when the properties do not say.
 */
export function bucketRegionOf(properties: Record<string, unknown> | undefined): string | undefined {
  const domain = properties?.RegionalDomainName;
  if (typeof domain !== 'string') return undefined;
  return /\.s3\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(domain)?.[1];
}
