/**
 * Where the previous read found resources of global kinds that live in one region each (S3 buckets),
 * so that this read asks each one's own region first instead of queueing every bucket of an account
 * on one region's lane. A hint: a region that is wrong or unknown costs a call, never a result.
 */
export interface RegionHints {
  /** The region the last read found this resource in; undefined when it was not seen before. */
  knownRegionOf(kind: string, account: string, identifier: string): string | undefined;
  /** Called with each such resource this read finds, and the region it lives in. */
  onRegionFound(kind: string, account: string, identifier: string, region: string): void;
}
