import { readEstate, type RawItem, type RegionHints, type ScanProgress, type SourceEvent } from '../aws/index.js';
import type { BlueprintDefinition, ResolvedConfig, ResourceConfig } from '../config/index.js';
import type { PortClient } from '../port/index.js';
import { compileMappers, loadJqEngine, mapItems, resourceModelSettings, type Mapper, type MappingIssue, type ScopedItem } from '../mapping/index.js';
import { DesiredSet, PlannedChanges, type StateStore } from '../../state/index.js';
import { addressConflictEntry } from './address-conflict-entry.js';
import { checkTargets } from './check-targets.js';
import { MappingIssueLog } from './mapping-issue-log.js';
import { ownerMoveEntry } from './owner-move-entry.js';
import { PLAN_FORMAT_VERSION, planSummary, type AddressConflictEntry, type SkippedScopeEntry, type UnreadItemEntry } from './plan-document.js';
import type { Plan } from './plan.js';
import { findMassDeletions } from './deletion-guard.js';
import { leaveForeignEntities, type PortOwnership } from './foreign-entities.js';
import { planBlueprints } from './plan-blueprints.js';
import { refuseValues, type ValueCheck } from './refuse-values.js';
import { ValueRefusalLog } from './value-refusal-log.js';
import { vouchedScopes } from './vouched-scopes.js';
import { entityRecord, scopeKey, type EntityRecord, type Scope } from '../model/index.js';

export interface MakePlanOptions {
  config: ResolvedConfig;
  store: StateStore;
  /** Restrict reading, planning and deleting to these kinds; empty for all. */
  targets: readonly string[];
  /** The user's cap on AWS calls in flight at once; undefined: the host's default, adapted to load. */
  parallelism?: number;
  /** Progress lines for a person (stderr). */
  log: (message: string) => void;
  /** `--strict`: a jq error in a mapped field skips the item instead of nulling the field. */
  isStrict?: boolean;
  /** `--shard I/N`. */
  shard?: { index: number; count: number };
  /** Live progress of the AWS read. */
  onScanProgress?: (progress: ScanProgress) => void;
  /** The config's blueprints file and Port to look them up in (read-only), when the config names one. */
  blueprints?: { definitions: readonly BlueprintDefinition[]; port: PortClient };
  /**
   * The planned resource configs (those `targets` keeps) compiled beforehand, e.g. by a command that
   * compiles before it opens the state; compiled here when not given.
   */
  mappers?: readonly Mapper[];
  /** Where the last read found each S3 bucket (the command keeps them in the state). */
  regionHints?: RegionHints;
  /** Port and this run's writer, to leave out changes to entities another writer owns; not checked without. */
  ownership?: PortOwnership;
}

/** Items mapped per jq call: large enough to amortise jq's per-call cost, small enough for memory. */
const MAPPING_BATCH_SIZE = 1000;

/**
 * Reads AWS, maps every item, and diffs the result against the state: the plan. Pages stream from the
 * source through the mapper into a table beside the state; the diff is SQL. Writes nothing to Port or
 * to the state. Close `plan.changes` when done.
 */
export async function makePlan(options: MakePlanOptions): Promise<Plan> {
  const { config, store } = options;
  const owningScopes = store.listOwningScopes();
  checkTargets(options.targets, config, owningScopes.map((scope) => scope.kind));
  const resources = options.targets.length > 0 ? config.resources.filter((r) => options.targets.includes(r.kind)) : config.resources;
  const mappersByKind = groupMappers(options.mappers ?? (await compileMappers(resources, { isStrict: options.isStrict ?? false })));
  // Port's blueprints are read before AWS, so that each entity is checked against them as it is mapped
  const blueprints = options.blueprints ? await planBlueprints(options.blueprints.definitions, options.blueprints.port) : undefined;
  const read = await readEstate(config.aws, resources, {
    parallelism: options.parallelism,
    log: options.log,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.onScanProgress ? { onProgress: options.onScanProgress } : {}),
    resourceModels: resourceModelSettings(resources, await loadJqEngine()),
    ...(options.regionHints ? { regionHints: options.regionHints } : {}),
  });

  const desired = new DesiredSet(store.db);
  try {
    const issues = new MappingIssueLog();
    const refusals = new ValueRefusalLog();
    const conflicts: AddressConflictEntry[] = [];
    const skipped: SkippedScopeEntry[] = read.skipped.map(({ scope, error }) => ({ ...scope, error }));
    const unread: UnreadItemEntry[] = [];
    const completeScopes = new Set<string>();
    const taintedScopes = new Map<string, Scope>();
    const batcher = new MappingBatcher(
      mappersByKind,
      (entities) => {
        conflicts.push(...desired.add(entities).map(addressConflictEntry));
      },
      (resource, issue, item, scope) => {
        issues.add(resource, issue, item);
        if (issue.isScopeTainting) taintedScopes.set(scopeKey(scope), scope);
      },
      blueprints ? { schemas: blueprints.schemas, log: refusals } : undefined,
    );

    for await (const event of read.events) {
      if (event.type === 'item-unread') {
        desired.keepRecorded(event.scope, event.identifier);
        unread.push({ ...event.scope, aws_identifier: event.identifier, error: event.error });
      } else {
        handleSourceEvent(event, batcher, completeScopes, skipped);
      }
    }
    batcher.flushAll();
    for (const [key, scope] of taintedScopes) {
      if (completeScopes.delete(key)) skipped.push({ ...scope, error: 'some items could not be mapped (see mapping issues)' });
    }

    const vouched = vouchedScopes(owningScopes, {
      plannedKinds: new Set(options.targets.length > 0 ? options.targets : [...config.resources.map((r) => r.kind), ...owningScopes.map((s) => s.kind)]),
      configuredKinds: new Set(config.resources.map((r) => r.kind)),
      completeScopes,
      intendedScopes: new Set(read.intendedScopes.map(scopeKey)),
      knownAccounts: new Set(read.knownAccounts),
      isAccountListComplete: read.isAccountListComplete,
      isAccountOfRun: read.isAccountOfRun,
      // an incomplete account list (Organizations denied) may hide the account that owned such an entity
      isEveryScopeRead: options.targets.length === 0 && skipped.length === 0 && unread.length === 0 && read.isAccountListComplete,
    });
    for (const { scope, reason } of vouched) desired.vouchFor([scope], reason);

    const changes = new PlannedChanges(store.db);
    changes.fillFromDiff(desired);
    const foreign = options.ownership ? await leaveForeignEntities(changes, options.ownership) : [];
    const byScope = (a: Scope, b: Scope) => a.kind.localeCompare(b.kind) || a.account.localeCompare(b.account) || a.region.localeCompare(b.region);
    skipped.sort(byScope);
    unread.sort((a, b) => byScope(a, b) || a.aws_identifier.localeCompare(b.aws_identifier));
    return {
      header: {
        format_version: PLAN_FORMAT_VERSION,
        lineage: store.lineage,
        serial: store.serial,
        config_hash: config.hash,
        targets: [...options.targets],
        complete: skipped.length === 0 && unread.length === 0,
        unchanged: desired.countUnchanged(),
        skipped_scopes: skipped,
        unread_items: unread,
        mapping_issues: issues.list(),
        address_conflicts: conflicts,
        value_refusals: refusals.list(),
        mass_deletions: findMassDeletions(changes.deletionsByBlueprint(), store.countByBlueprint(), config.entityDeletionThreshold),
        blueprint_changes: blueprints?.changes ?? [],
        summary: planSummary(changes.counts()),
        owner_moves: changes.listMoves(desired).map(ownerMoveEntry),
        ...(foreign.length > 0 ? { foreign_entities: foreign } : {}),
      },
      changes,
    };
  } finally {
    desired.close();
  }
}

function handleSourceEvent(event: Exclude<SourceEvent, { type: 'item-unread' }>, batcher: MappingBatcher, completeScopes: Set<string>, skipped: SkippedScopeEntry[]): void {
  if (event.type === 'items') batcher.add(event.scope, event.items);
  else if (event.type === 'scope-complete') completeScopes.add(scopeKey(event.scope));
  else skipped.push({ ...event.scope, error: event.error });
}

function groupMappers(mappers: readonly Mapper[]): Map<string, Mapper[]> {
  const byKind = new Map<string, Mapper[]>();
  for (const mapper of mappers) byKind.set(mapper.resource.kind, [...(byKind.get(mapper.resource.kind) ?? []), mapper]);
  return byKind;
}

type IssueSink = (resource: ResourceConfig, issue: MappingIssue, item: RawItem | undefined, scope: Scope) => void;

/**
 * Gathers items of one kind across pages and scopes into batches, so jq runs once per batch and
 * resource config rather than once per page.
 */
class MappingBatcher {
  private readonly pending = new Map<string, ScopedItem[]>();

  constructor(
    private readonly mappersByKind: Map<string, Mapper[]>,
    private readonly emit: (entities: EntityRecord[]) => void,
    private readonly reportIssue: IssueSink,
    private readonly valueCheck: ValueCheck | undefined,
  ) {}

  add(scope: Scope, items: readonly RawItem[]): void {
    let batch = this.pending.get(scope.kind);
    if (!batch) this.pending.set(scope.kind, (batch = []));
    for (const item of items) batch.push({ item, scope });
    if (batch.length >= MAPPING_BATCH_SIZE) this.flush(scope.kind);
  }

  flushAll(): void {
    for (const kind of [...this.pending.keys()]) this.flush(kind);
  }

  private flush(kind: string): void {
    const batch = this.pending.get(kind);
    this.pending.delete(kind);
    if (!batch || batch.length === 0) return;
    for (const mapper of this.mappersByKind.get(kind) ?? []) {
      const result = mapItems(mapper, batch);
      for (const issue of result.issues) this.reportIssue(mapper.resource, issue, batch[issue.itemIndex]!.item, batch[issue.itemIndex]!.scope);
      this.emit(
        result.entities.flatMap(({ itemIndex, blueprint, entity, origin }) => {
          const { item, scope } = batch[itemIndex]!;
          const refused = this.valueCheck ? refuseValues(this.valueCheck, blueprint, entity, { resource: mapper.resource, itemIndex, scope, awsIdentifier: origin.awsIdentifier }) : [];
          for (const issue of refused) this.reportIssue(mapper.resource, issue, item, scope);
          if (refused.length > 0) return [];
          return [entityRecord(blueprint, entity, scope, origin.awsIdentifier)];
        }),
      );
    }
  }
}
