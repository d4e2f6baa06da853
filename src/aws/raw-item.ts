import type { ResourceDescription } from '@aws-sdk/client-cloudcontrol';
import { bucketRegionOf } from '../model/index.js';

/**
 * One AWS resource as the mapping sees it: Cloud Control's description with its Properties parsed,
 * plus where it came from. `AWS::Organizations::Account` items carry the Organizations account fields
 * instead of Identifier/Properties.
 */
export interface RawItem {
  Identifier?: string;
  Properties?: Record<string, unknown>;
  __Kind: string;
  __AccountId: string;
  __Region: string;
  [field: string]: unknown;
}

/**
 * A Cloud Control description as a raw item: Properties parsed from their JSON text, and `__Region`
 * the resource's own region when its properties say (S3 buckets), else the region it was read in.
 */
export function rawItemOf(description: ResourceDescription, kind: string, account: string, region: string): RawItem {
  const properties = description.Properties ? (JSON.parse(description.Properties) as Record<string, unknown>) : {};
  return { Identifier: description.Identifier, Properties: properties, __Kind: kind, __AccountId: account, __Region: bucketRegionOf(properties) ?? region };
}
