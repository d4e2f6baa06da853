import type { Entity, Scope } from '../model/index.js';

/** The format of plan documents this build writes and reads. */
export const PLAN_FORMAT_VERSION = '1';

/** What apply does to one entity. */
export type ChangeAction = 'create' | 'update' | 'delete';

/**
 * One planned change. Apply decides from `action`, `blueprint`, `identifier`, `after` (and `scope`,
 * `aws_identifier` to record in the state) alone; `reason` is for display only and must not be used
 * for any decision during apply.
 */
export interface ResourceChange {
  /** `BLUEPRINT.IDENTIFIER`, e.g. `cloudResource.my-bucket`. */
  address: string;
  blueprint: string;
  identifier: string;
  action: ChangeAction;
  /** The entity as the state records it; null on create. */
  before: Entity | null;
  /** The entity as it will be written; null on delete. */
  after: Entity | null;
  /** The scope that owns the entity after this change (on delete: the one that owned it). */
  scope: Scope;
  /** Cloud Control's Identifier of the item it comes from; null when unknown. */
  aws_identifier: string | null;
  /** Why (display only), e.g. why a delete is trusted. */
  reason?: string;
}

/**
 * An entity whose body is unchanged but whose owner moved (another scope or AWS item produces it now):
 * apply records the new owner in the state and writes nothing to Port. Kept out of `resource_changes`
 * and `summary`, which count what Port is told.
 */
export interface OwnerMoveEntry {
  address: string;
  blueprint: string;
  identifier: string;
  action: 'move';
  /** The new owner. */
  scope: Scope;
  aws_identifier: string | null;
  /** The owner the state records. */
  from: { scope: Scope; aws_identifier: string | null };
  /** `now produced by ... (was ...): recorded, nothing written` (display only). */
  reason: string;
}

/**
 * An entity of a blueprint aws2port writes that Port holds as another writer's (its `$datasource`
 * names Port's own integration, a person, another aws2port installation or shard): the planned change
 * to it is left out of the plan, so it is never changed or deleted.
 */
export interface ForeignEntityEntry {
  address: string;
  blueprint: string;
  identifier: string;
  /** The change left out. */
  action: ChangeAction;
  /** Who wrote it, as Port records it; empty when Port records no writer. */
  datasource: string;
}

/** A scope not read fully: nothing it owns is deleted. */
export interface SkippedScopeEntry extends Scope {
  error: string;
}

/** Items a field's expression failed on, grouped by resource config and field. */
export interface MappingIssueEntry {
  /** Position of the resource config in `resources:`. */
  resource_index: number;
  kind: string;
  /** `identifier`, `properties.region`, `selector.query`, ... */
  field: string;
  /** YAML path and line of the expression. */
  path: string;
  line: number;
  /** True: those items produced no entity; false: the field became null. */
  item_skipped: boolean;
  count: number;
  /** The first failure's message. */
  message: string;
  /** Up to a few AWS identifiers of the failing items. */
  examples: string[];
}

/** Two items mapped to one address; the first kept, the other dropped. */
export interface AddressConflictEntry {
  address: string;
  kept: { scope: Scope; aws_identifier: string | null };
  dropped: { scope: Scope; aws_identifier: string | null };
}

/**
 * An AWS resource that was listed but could not be read (Cloud Control's GeneralServiceException that
 * is neither a NotFound nor a denial). What it produced before is kept as recorded; its scope is
 * otherwise read fully and planned as usual.
 */
export interface UnreadItemEntry {
  kind: string;
  account: string;
  region: string;
  /** Cloud Control's identifier of the resource. */
  aws_identifier: string;
  /** `GeneralServiceException: ...` as AWS said it. */
  error: string;
}

/** A blueprint of which the plan deletes more than `entityDeletionThreshold` allows. */
export interface MassDeletionEntry {
  blueprint: string;
  /** Entities of it the plan deletes. */
  deleting: number;
  /** Entities of it the state records (aws2port manages). */
  managed: number;
  /** The configured share. */
  threshold: number;
}

/**
 * A change the plan makes to a blueprint of the blueprints file (only with one): create it, or add
 * to Port's blueprint the properties the file declares and Port's lacks (`add_properties`, by name;
 * the definitions are the file's). Port's existing properties are never changed.
 */
export type BlueprintChange = { identifier: string; action: 'create' } | { identifier: string; action: 'update'; add_properties: string[] };

/**
 * One property value of one entity that the blueprint refuses (type, enum, format, required,
 * undeclared): the entity is left out of the plan, at plan time, instead of Port refusing it at apply.
 */
export interface ValueRefusalEntry {
  /** `BLUEPRINT.IDENTIFIER`. */
  address: string;
  property: string;
  /** The value as mapped; null also for a required property the mapping does not write. */
  value: unknown;
  /** The property's schema in the blueprint; null when the blueprint does not declare it. */
  schema: Record<string, unknown> | null;
  /** `type | enum | format | required | undeclared`. */
  rule: string;
  /** `must be an array, not a string`. */
  message: string;
  scope: Scope;
  aws_identifier: string | null;
}

/** Counts of entity changes; blueprint changes are not counted. */
export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
}

/**
 * A plan, exactly as `plan --json` prints it and `--out` saves it: plain data, no classes. Changes are
 * ordered deletes, then creates, then updates, each by address.
 */
export interface PlanDocument {
  format_version: typeof PLAN_FORMAT_VERSION;
  /** The state's lineage when planned: apply refuses a plan of another state. */
  lineage: string;
  /** The state's serial when planned: apply refuses the plan once it moved. */
  serial: number;
  /** `sha256:...` of the config file: apply refuses a plan made with another config. */
  config_hash: string;
  /** The kinds `--target` restricted the plan to; empty for all. */
  targets: string[];
  /** True when every scope and every item was read fully and every item mapped. */
  complete: boolean;
  resource_changes: ResourceChange[];
  /** Owner moves, only when there are some (apply records them in the state; Port is not written). */
  owner_moves?: OwnerMoveEntry[];
  /** Entities another writer owns in Port, whose changes were left out; only when there are some. */
  foreign_entities?: ForeignEntityEntry[];
  /** Entities whose mapped fields equal the state's record. */
  unchanged: number;
  skipped_scopes: SkippedScopeEntry[];
  /** Resources listed but not readable: their entities are kept as recorded. */
  unread_items: UnreadItemEntry[];
  mapping_issues: MappingIssueEntry[];
  address_conflicts: AddressConflictEntry[];
  /**
   * Values Port would refuse, entity by entity (at most VALUE_REFUSALS_PER_PROPERTY per blueprint
   * and property: `mapping_issues` has the full counts). Empty without a blueprints file.
   */
  value_refusals: ValueRefusalEntry[];
  /** Blueprints over the deletion threshold: apply refuses the plan unless --allow-mass-delete. */
  mass_deletions: MassDeletionEntry[];
  blueprint_changes: BlueprintChange[];
  summary: PlanSummary;
}

/** Counts by action in the words the plan document uses (`add`, `change`, `destroy`): the one place they are named. */
export function planSummary(counts: Record<ChangeAction, number>): PlanSummary {
  return { add: counts.create, change: counts.update, destroy: counts.delete };
}
