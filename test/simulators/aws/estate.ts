/**
 * The AWS estate the simulator serves: an optional Organization, its accounts, the regions, and
 * the Cloud Control resources of each account and region. Tests and benchmarks build one (by hand,
 * with `buildResource`, or with `generateEstate`), and may edit it while the simulator runs.
 */

/** The Organization the accounts belong to. */
export interface EstateOrganization {
  /** Organization id, `o-` and 10 to 32 lowercase letters or digits. */
  id: string;
  /** The management (formerly "master") account; the only one allowed to list accounts. */
  managementAccountId: string;
}

/** One account, with the fields Organizations `ListAccounts` sends (the Arn is derived). */
export interface EstateAccount {
  /** 12 digits. */
  Id: string;
  Name: string;
  Email: string;
  /** ACTIVE, CLOSED, PENDING_ACTIVATION, PENDING_CLOSURE or SUSPENDED. */
  State: string;
  /** Retired by AWS in 2026; sent only when set (ACTIVE, SUSPENDED, PENDING_CLOSURE). */
  Status?: string;
  /** INVITED or CREATED. */
  JoinedMethod: string;
  /** Epoch seconds, with a fraction; sent on the wire as a number. */
  JoinedTimestamp: number;
  /** When set, AssumeRole into this account is refused unless `ExternalId` equals it. */
  requiredExternalId?: string;
}

/** How Cloud Control lists one resource type. */
export interface TypeBehaviour {
  /** The property keys `ListResources` keeps; the rest come only from `GetResource`. Absent: List sends every property. */
  listProperties?: string[];
  /** Global types (S3 buckets): listing in any region returns the account's resources of every region. */
  global?: boolean;
}

/** One Cloud Control resource. */
export interface EstateResource {
  /** `AWS::Service::Thing`. */
  type: string;
  /** The owning account id. */
  account: string;
  /** The resource's own region (for a bucket: the one in its `RegionalDomainName`). */
  region: string;
  /** Cloud Control's primary identifier (composite ones joined with `|`). */
  identifier: string;
  /** The full property document, as `GetResource` returns it. */
  properties: Record<string, unknown>;
}

/** Account `ListRegions` status of a region. */
export type RegionOptStatus = 'ENABLED' | 'ENABLING' | 'DISABLING' | 'DISABLED' | 'ENABLED_BY_DEFAULT';

/** Everything the simulator serves. */
export interface Estate {
  /** Absent or null: Organizations is not in use (`AWSOrganizationsNotInUseException`). */
  organization?: EstateOrganization | null;
  /** The accounts that exist; a call signed for any other account is refused. */
  accounts: EstateAccount[];
  /** The regions that exist; Account `ListRegions` returns them `ENABLED` unless `regionOptStatus` says otherwise. */
  regions: string[];
  /** Per-region status for Account `ListRegions`; a region named only here is listed too (e.g. DISABLED). */
  regionOptStatus?: Record<string, RegionOptStatus>;
  /** Per-type List behaviour, merged over `DEFAULT_TYPE_BEHAVIOURS`. */
  types?: Record<string, TypeBehaviour>;
  resources: EstateResource[];
}

/** List behaviour of the types whose real List answers are partial or global, used when the estate does not say. */
export const DEFAULT_TYPE_BEHAVIOURS: Readonly<Record<string, TypeBehaviour>> = {
  'AWS::S3::Bucket': { global: true, listProperties: ['BucketName'] },
  'AWS::ECS::Cluster': { listProperties: ['ClusterName'] },
  'AWS::Kinesis::Stream': { listProperties: ['Name'] },
};

/** The List behaviour of `type`: the estate's own setting field by field over the built-in default. */
export function typeBehaviour(estate: Estate, type: string): TypeBehaviour {
  return { ...DEFAULT_TYPE_BEHAVIOURS[type], ...estate.types?.[type] };
}

/** The account that calls come from when none is named: the management account, else the first account. */
export function defaultAccountId(estate: Estate): string {
  const id = estate.organization?.managementAccountId ?? estate.accounts[0]?.Id;
  if (id === undefined) throw new Error('the estate has no accounts');
  return id;
}
