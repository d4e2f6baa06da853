import type { RawItem } from '../aws/index.js';
import { awsIdentifierOf, mapItems, type BlueprintSchema, type Mapper } from '../mapping/index.js';
import { DesiredSet, PlannedChanges, ResourceRecords, type PlannedChangeRow, type StateStore } from '../../state/index.js';
import { addressConflictEntry } from './address-conflict-entry.js';
import { MappingIssueLog } from './mapping-issue-log.js';
import { ownerMoveEntry } from './owner-move-entry.js';
import { PLAN_FORMAT_VERSION, planSummary, type AddressConflictEntry, type SkippedScopeEntry } from './plan-document.js';
import type { Plan } from './plan.js';
import { refuseValues } from './refuse-values.js';
import { ValueRefusalLog } from './value-refusal-log.js';
import { entityAddress, entityRecord, type Scope } from '../model/index.js';

/** One AWS resource as just re-read: what an incremental plan is made of. */
export interface ResourceObservation {
  /** The scope that owns what it maps to (region `global` for global kinds). */
  scope: Scope;
  /** Cloud Control's identifier the resource was read by: the state rows it produced carry it. */
  awsIdentifier: string;
  /** The resource as it is now; undefined when AWS says it does not exist (ResourceNotFound). */
  item: RawItem | undefined;
}

export interface MakeResourcePlanOptions {
  /** `sha256:...` of the config, for the plan's header. */
  configHash: string;
  store: StateStore;
  /** Every compiled resource config, by kind: a resource maps through each config of its kind. */
  mappersByKind: ReadonlyMap<string, readonly Mapper[]>;
  observations: readonly ResourceObservation[];
  /**
   * The blueprints file's blueprints as Port holds them (planBlueprints), when the config names one:
   * entities are checked against them as in a full plan. Absent: values are not checked.
   */
  blueprintSchemas?: ReadonlyMap<string, BlueprintSchema>;
}

type DeleteRow = Omit<PlannedChangeRow, 'seq'> & { address: string };

/** An incremental plan, and which of its observations some resource config could not map. */
export interface ResourcePlan extends Plan {
  /** The observations a config skipped (see the plan's mapping issues): nothing they produced is deleted. */
  unmapped: ResourceObservation[];
}

/**
 * The plan for a few resources, level-triggered (watch): each observed resource is mapped with every
 * resource config of its kind, and compared with exactly the recorded entities it produces now or
 * produced before (found by scope and Cloud Control identifier, so a deletion is found even when the
 * mapping's identifier is `.Properties.Arn`). A resource that is gone, or no longer maps to an
 * entity it made, deletes that entity. A resource that could not be mapped fully deletes nothing.
 * Creates and updates are the full plan's diff (DesiredSet and PlannedChanges.fillFromDiff), so both
 * kinds of plan judge an entity alike. The same observations give the same plan whatever the order
 * or number of events that led to them. No deletion guard applies: each deletion is vouched for by a
 * read of that very resource. The changes live in the store's temporary plan table (one plan per
 * connection): close them when done.
 */
export function makeResourcePlan(options: MakeResourcePlanOptions): ResourcePlan {
  const { store, observations } = options;
  const records = new ResourceRecords(store.db);
  const issues = new MappingIssueLog();
  const refusals = new ValueRefusalLog();
  const valueCheck = options.blueprintSchemas ? { schemas: options.blueprintSchemas, log: refusals } : undefined;
  const tainted = new Set<ResourceObservation>();
  const conflicts: AddressConflictEntry[] = [];
  const desired = new DesiredSet(store.db);
  try {
    for (const [kind, group] of groupByKind(observations)) {
      const scoped = group.map((o) => ({ item: o.item!, scope: o.scope, readBy: o.awsIdentifier }));
      for (const mapper of options.mappersByKind.get(kind) ?? []) {
        const result = mapItems(mapper, scoped);
        for (const issue of result.issues) {
          issues.add(mapper.resource, issue, group[issue.itemIndex]!.item);
          if (issue.isItemSkipped) tainted.add(group[issue.itemIndex]!);
        }
        const entities = result.entities.flatMap(({ itemIndex, blueprint, entity, origin }) => {
          const observation = group[itemIndex]!;
          const refused = valueCheck ? refuseValues(valueCheck, blueprint, entity, { resource: mapper.resource, itemIndex, ...origin }) : [];
          for (const issue of refused) issues.add(mapper.resource, issue, observation.item);
          if (refused.length > 0) {
            tainted.add(observation);
            return [];
          }
          return [entityRecord(blueprint, entity, origin.scope, origin.awsIdentifier)];
        });
        conflicts.push(...desired.add(entities).map(addressConflictEntry));
      }
    }

    const skipped: SkippedScopeEntry[] = [];
    const deletes = new Map<string, DeleteRow>();
    for (const observation of observations) {
      if (tainted.has(observation)) {
        skipped.push({ ...observation.scope, error: `${observation.awsIdentifier}: some configs could not map it (see mapping issues); nothing it produced is deleted` });
        continue;
      }
      for (const awsIdentifier of recordedIdentifiers(observation)) {
        for (const before of records.listProducedBy(observation.scope, awsIdentifier)) {
          const address = entityAddress(before.blueprint, before.identifier);
          if (desired.has(before.blueprint, before.identifier) || deletes.has(address)) continue;
          deletes.set(address, {
            address,
            action: 'delete',
            blueprint: before.blueprint,
            identifier: before.identifier,
            kind: before.scope.kind,
            account: before.scope.account,
            region: before.scope.region,
            aws_identifier: before.awsIdentifier,
            before_body: before.body,
            after_body: null,
            reason: observation.item ? 'the resource no longer maps to it' : 'the resource is gone from AWS',
          });
        }
      }
    }

    const changes = new PlannedChanges(store.db);
    changes.insert([...deletes.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)).map(({ address: _address, ...row }) => row));
    changes.fillFromDiff(desired);
    return {
      header: {
        format_version: PLAN_FORMAT_VERSION,
        lineage: store.lineage,
        serial: store.serial,
        config_hash: options.configHash,
        targets: [],
        complete: skipped.length === 0,
        unchanged: desired.countUnchanged(),
        skipped_scopes: skipped,
        unread_items: [],
        mapping_issues: issues.list(),
        address_conflicts: conflicts,
        value_refusals: refusals.list(),
        mass_deletions: [],
        blueprint_changes: [],
        summary: planSummary(changes.counts()),
        owner_moves: changes.listMoves(desired).map(ownerMoveEntry),
      },
      changes,
      unmapped: [...tainted],
    };
  } finally {
    desired.close();
  }
}

/** Observations of resources that exist, by kind, in the given order. */
function groupByKind(observations: readonly ResourceObservation[]): Map<string, ResourceObservation[]> {
  const byKind = new Map<string, ResourceObservation[]>();
  for (const observation of observations) {
    if (!observation.item) continue;
    const group = byKind.get(observation.scope.kind);
    if (group) group.push(observation);
    else byKind.set(observation.scope.kind, [observation]);
  }
  return byKind;
}

/** The AWS identifiers its records may carry: the one it was read by, and the one mapping gives its entities (awsIdentifierOf). */
function recordedIdentifiers(observation: ResourceObservation): string[] {
  const own = observation.item ? awsIdentifierOf(observation.item) : null;
  return own === null || own === observation.awsIdentifier ? [observation.awsIdentifier] : [observation.awsIdentifier, own];
}
