import { GetResourceCommand, type CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { NOT_FOUND_ERROR_CODES } from './constants.js';
import { rawItemOf, type RawItem } from './raw-item.js';

/**
 * Reads one resource as it is now with Cloud Control GetResource, shaped as a raw item; `undefined`
 * when AWS says it does not exist (ResourceNotFoundException), which is how a deletion shows. Any
 * other failure is thrown for the caller to retry. `__Region` is the resource's own region when its
 * properties say (S3 buckets), else `region`.
 */
export async function readResource(client: CloudControlClient, kind: string, account: string, region: string, identifier: string): Promise<RawItem | undefined> {
  try {
    return await getResource(client, kind, account, region, identifier);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** GetResource as a raw item; every failure thrown, ResourceNotFoundException included. */
export async function getResource(client: CloudControlClient, kind: string, account: string, region: string, identifier: string): Promise<RawItem> {
  const answer = await client.send(new GetResourceCommand({ TypeName: kind, Identifier: identifier }));
  return rawItemOf({ ...answer.ResourceDescription, Identifier: answer.ResourceDescription?.Identifier ?? identifier }, kind, account, region);
}

/** Whether AWS answered that the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && NOT_FOUND_ERROR_CODES.includes(error.name);
}
