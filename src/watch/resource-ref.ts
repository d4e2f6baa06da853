import { isGlobalKind } from '../model/index.js';
import { formatResource, GLOBAL_REGION, type Scope } from '../model/index.js';

/**
 * One AWS resource an event says changed: what to re-read. `identifier` is Cloud Control's primary
 * identifier of the type (composite ones joined with `|`), exactly as the state records it in
 * `aws_identifier`, so that a deletion finds the entities the resource produced.
 */
export interface ResourceRef {
  /** `AWS::Service::Thing`. */
  kind: string;
  /** The 12-digit account that owns the resource. */
  account: string;
  /** The region the event happened in: where GetResource is called (for a bucket, its own region). */
  region: string;
  identifier: string;
}

/** The scope that owns what the resource maps to: region `global` for global kinds (S3, IAM). */
export function scopeOfRef(ref: ResourceRef): Scope {
  return { kind: ref.kind, account: ref.account, region: isGlobalKind(ref.kind) ? GLOBAL_REGION : ref.region };
}

/** A stable key per resource: two refs with one key are one re-read (coalescing). */
export function refKey(ref: ResourceRef): string {
  const scope = scopeOfRef(ref);
  return `${scope.kind}\u0000${scope.account}\u0000${scope.region}\u0000${ref.identifier}`;
}

/** How a resource is named in logs: `AWS::EC2::Instance 111111111111/eu-west-1 i-0abc`. */
export function formatRef(ref: ResourceRef): string {
  return formatResource(ref, ref.identifier);
}
