import { Aws2PortError } from '../errors/index.js';
import { CHILD_KIND_TABLE } from './child-kind-table.js';
import type { RawItem } from './raw-item.js';

/** How one property of a child's ResourceModel is filled from a parent item. */
export type ModelFill =
  /** The part of the parent's Cloud Control Identifier (parts joined by `|`, in primaryIdentifier order). */
  | { identifierPart: number }
  /** One of the parent's properties. */
  | { property: string };

/** A row of the table: the parent kind, and how its items fill the child's list ResourceModel. */
export interface ChildKindRow {
  parent: string;
  resourceModel: Record<string, ModelFill>;
}

/** Types whose Cloud Control list handler requires a ResourceModel, derived from the registry schemas. */
export interface ChildKindTable {
  /** Child kind -> its parent and how to fill its ResourceModel. */
  children: Record<string, ChildKindRow>;
  /** Child kinds whose parent the schemas do not tell (or tell ambiguously) -> the properties required. */
  unresolved: Record<string, readonly string[]>;
}

/** The parent of a child item, as items carry it in `__Parent`. */
export interface ParentRef {
  kind: string;
  identifier: string;
}

/**
 * How a child kind is listed: its parent kind's items first (in the same account and region), then,
 * for each parent, ListResources with the ResourceModel that parent gives. Without a parent kind, one
 * ResourceModel per scope, from the scope itself (`{AwsAccountId: .__AccountId}`).
 */
export interface ChildListing {
  parentKind?: string;
  /** The parents must be read with GetResource: the model takes properties a listing may leave out. */
  needsFullParents: boolean;
  /**
   * The ResourceModel for one parent item (or, without a parent kind, for `{__AccountId, __Region}`).
   * Rejects when the parent cannot give one: the scope is then incomplete.
   */
  modelOf(parent: RawItem): Promise<Record<string, unknown>>;
}

/** A user's `selector.parentKind` and `selector.resourceModel`, evaluated by the caller's jq. */
export interface ResourceModelSetting {
  parentKind?: string;
  evaluate(input: RawItem): Promise<Record<string, unknown>>;
}

/** The listing of `kind`: the user's setting when given, else the table's row; undefined for a kind listed alone. */
export function childListingOf(kind: string, setting?: ResourceModelSetting): ChildListing | undefined {
  if (setting) {
    return { ...(setting.parentKind !== undefined && { parentKind: setting.parentKind }), needsFullParents: true, modelOf: (parent) => setting.evaluate(parent) };
  }
  const row = CHILD_KIND_TABLE.children[kind];
  if (!row) return undefined;
  const needsFullParents = Object.values(row.resourceModel).some((fill) => 'property' in fill);
  return { parentKind: row.parent, needsFullParents, modelOf: async (parent) => modelFromRow(row, parent) };
}

/** The properties Cloud Control requires to list `kind` when the table cannot fill them; undefined otherwise. */
export function unresolvedListProperties(kind: string): readonly string[] | undefined {
  return CHILD_KIND_TABLE.unresolved[kind];
}

/** The parent kind the table knows for `kind`, if any. */
export function tableParentOf(kind: string): string | undefined {
  return CHILD_KIND_TABLE.children[kind]?.parent;
}

function modelFromRow(row: ChildKindRow, parent: RawItem): Record<string, unknown> {
  const parts = (parent.Identifier ?? '').split('|');
  const model: Record<string, unknown> = {};
  for (const [name, fill] of Object.entries(row.resourceModel)) {
    const value = 'identifierPart' in fill ? parts[fill.identifierPart] : parent.Properties?.[fill.property];
    if (value === undefined || value === '') {
      const from = 'identifierPart' in fill ? `part ${fill.identifierPart + 1} of its identifier` : `property ${fill.property}`;
      throw new Aws2PortError('ResourceModelFailed', `${row.parent} ${parent.Identifier ?? '(no identifier)'} has no ${from}, which lists its children's ${name}`, {
        detail: `Set the child kind's selector.resourceModel to name ${name} from another field of its parent.`,
      });
    }
    model[name] = value;
  }
  return model;
}
