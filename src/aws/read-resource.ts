import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { sdkCloudControlApi, type CloudControlApi } from './cloud-control-api.js';
import { rawItemOf, type RawItem } from './raw-item.js';
import { resourceReadFailureOf } from './resource-read-failure.js';

/**
 * Reads one resource as it is now with Cloud Control GetResource, shaped as a raw item; `undefined`
 * when AWS says it does not exist (ResourceNotFoundException, or a GeneralServiceException wrapping a
 * downstream NotFound), which is how a deletion shows. Any other failure is thrown for the caller to
 * judge (resourceReadFailureOf). `__Region` is the resource's own region when its
 * properties say (S3 buckets), else `region`.
 */
export async function readResource(client: CloudControlClient, kind: string, account: string, region: string, identifier: string): Promise<RawItem | undefined> {
  try {
    return await getResource(sdkCloudControlApi(client), kind, account, region, identifier);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** GetResource as a raw item; every failure thrown, ResourceNotFoundException included. */
export async function getResource(client: CloudControlApi, kind: string, account: string, region: string, identifier: string): Promise<RawItem> {
  const answer = await client.getResource({ TypeName: kind, Identifier: identifier });
  return rawItemOf({ ...answer.ResourceDescription, Identifier: answer.ResourceDescription?.Identifier ?? identifier }, kind, account, region);
}

/** Whether AWS answered that the resource does not exist (see resourceReadFailureOf). */
export function isNotFound(error: unknown): boolean {
  return resourceReadFailureOf(error) === 'gone';
}
