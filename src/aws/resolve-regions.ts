import type { AwsSettings } from '../config/types.js';
import { Aws2PortError } from '../errors/index.js';

/**
 * The regions to read: `aws.regions`, else `AWS_REGION` (or `AWS_DEFAULT_REGION`). Fails with a clear
 * error when neither says.
 */
export function resolveRegions(settings: AwsSettings, env: NodeJS.ProcessEnv = process.env): string[] {
  if (settings.regions.length > 0) return [...settings.regions];
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (region) return [region];
  throw new Aws2PortError('InvalidArgument', 'No AWS region to read.', {
    detail: 'Set aws.regions in the config file, or AWS_REGION in the environment.',
  });
}
