import type { OwnerMoveEntry, PlanDocument, ResourceChange } from '../../src/plan/plan-document.js';
import { planFromDocument, planSummary, type Plan } from '../../src/plan/index.js';
import { openStateDatabase } from '../../state/index.js';
import { serializeEntity, type Entity, type EntityRecord, type Scope, type SerializedEntity } from '../../src/model/index.js';

/** An entity with defaults; override any field. */
export function anEntity(identifier: string, overrides: Partial<Entity> = {}): Entity {
  return { identifier, title: identifier, icon: null, team: null, properties: { kind: 'AWS::S3::Bucket' }, relations: { account: '111111111111' }, ...overrides };
}

/** A scope with defaults. */
export function aScope(overrides: Partial<Scope> = {}): Scope {
  return { kind: 'AWS::S3::Bucket', account: '111111111111', region: 'global', ...overrides };
}

/** An entity with defaults and its JSON text, as Port's client takes it. */
export function aSerialized(identifier: string, overrides: Partial<Entity> = {}): SerializedEntity {
  return serializeEntity(anEntity(identifier, overrides));
}

/** An entity record of blueprint cloudResource with defaults (desired or recorded: the same shape). */
export function aRecord(identifier: string, overrides: Partial<Omit<EntityRecord, 'body'>> = {}): EntityRecord {
  return { blueprint: 'cloudResource', identifier, scope: aScope(), awsIdentifier: identifier, ...overrides, ...serializeEntity(overrides.entity ?? anEntity(identifier)) };
}

/** A planned change with defaults. */
export function aChange(action: ResourceChange['action'], identifier: string, overrides: Partial<ResourceChange> = {}): ResourceChange {
  const entity = anEntity(identifier);
  return {
    address: `cloudResource.${identifier}`,
    blueprint: 'cloudResource',
    identifier,
    action,
    before: action === 'create' ? null : entity,
    after: action === 'delete' ? null : entity,
    scope: aScope(),
    aws_identifier: identifier,
    ...overrides,
  };
}

/** An owner move of cloudResource `identifier` from one scope to another, its AWS identifier kept. */
export function aMove(identifier: string, scope: Scope, from: Scope): OwnerMoveEntry {
  return { address: `cloudResource.${identifier}`, blueprint: 'cloudResource', identifier, action: 'move', scope, aws_identifier: identifier, from: { scope: from, aws_identifier: identifier }, reason: 'now produced by ...' };
}

/** A plan document with defaults. */
export function aPlan(changes: ResourceChange[] = [], overrides: Partial<PlanDocument> = {}): PlanDocument {
  const counts = { create: 0, update: 0, delete: 0 };
  for (const c of changes) counts[c.action]++;
  const summary = planSummary(counts);
  return {
    format_version: '1',
    lineage: '00000000-0000-4000-8000-000000000000',
    serial: 3,
    config_hash: 'sha256:abc',
    targets: [],
    complete: true,
    resource_changes: changes,
    unchanged: 0,
    skipped_scopes: [],
    unread_items: [],
    mapping_issues: [],
    address_conflicts: [],
    value_refusals: [],
    mass_deletions: [],
    blueprint_changes: [],
    summary,
    ...overrides,
  };
}

/** A plan document held as a Plan (changes in a table of a fresh in-memory state). */
export function aPlanOf(document: PlanDocument): Plan {
  return planFromDocument(document, openStateDatabase(':memory:'));
}
