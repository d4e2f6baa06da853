/** The partition of an ARN (`arn:aws-us-gov:iam::...` is `aws-us-gov`); undefined when it is not an ARN. */
export function partitionOfArn(arn: string): string | undefined {
  const [prefix, partition] = arn.split(':');
  return prefix === 'arn' && partition ? partition : undefined;
}

/** The account id field of an ARN (`arn:aws:iam::111111111111:role/x` is `111111111111`). */
export function accountIdOfArn(arn: string): string {
  return arn.split(':')[4] || arn;
}

/** The region where the Organizations, Account and STS global endpoints live, per partition. */
export function homeRegionOf(partition: string): string {
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  if (partition === 'aws-cn') return 'cn-northwest-1';
  return 'us-east-1';
}
