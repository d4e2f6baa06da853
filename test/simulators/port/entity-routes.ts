import { MAX_BULK_BYTES } from './constants.js';
import { isPlainObject, parseEntityInput } from './parse-entity-input.js';
import type { UpsertOptions, UpsertResult } from './port-catalog.js';
import { notFound, PortApiError } from './port-api-error.js';
import { flag, type RouteContext, type RouteSpec } from './route-spec.js';
import { entityAnswer, parseSearchRequest, pickFields, searchEntities } from './search-entities.js';
import type { PortErrorBody } from './types.js';

/** One success of a bulk upsert. */
interface BulkSuccess {
  identifier: string;
  index: number;
  created: boolean;
}

/** One failure of a bulk upsert; `identifier` is null when the entity sent none that is a string. */
type BulkFailure = { identifier: string | null; index: number } & PortErrorBody;

/** Entity routes: upsert one, bulk upsert, search, list, get one, delete one, bulk delete. */
export const ENTITY_ROUTES: readonly RouteSpec[] = [
  {
    operation: 'POST /v1/blueprints/{blueprint_identifier}/entities',
    write: 'upsert',
    handle: (context) => {
      const result = upsertOne(context, context.json());
      recordUpsert(context, [result]);
      return { status: 201, body: { ok: true, entity: entityAnswer(result.entity) } };
    },
  },
  {
    operation: 'POST /v1/blueprints/{blueprint_identifier}/entities/bulk',
    write: 'bulk-upsert',
    handle: (context) => {
      context.catalog.blueprint(context.params['blueprint_identifier']!);
      if (context.rawBody.length > MAX_BULK_BYTES) {
        throw new PortApiError(413, 'payload_too_large', `A bulk request body may be at most ${MAX_BULK_BYTES} bytes`);
      }
      const entities = (context.json() as { entities: unknown[] }).entities;
      const successes: BulkSuccess[] = [];
      const failures: BulkFailure[] = [];
      const results: UpsertResult[] = [];
      entities.forEach((raw: unknown, index) => {
        const sent = isPlainObject(raw) ? raw['identifier'] : undefined;
        const identifier = typeof sent === 'string' ? sent : null;
        try {
          const result = upsertOne(context, raw);
          results.push(result);
          successes.push({ identifier: result.entity.identifier, index, created: result.isCreated });
        } catch (error) {
          if (!(error instanceof PortApiError)) throw error;
          failures.push({ identifier, index, ...error.toBody() });
        }
      });
      recordUpsert(context, results);
      const failed = failures.flatMap((failure) => (failure.identifier === null ? [] : [failure.identifier]));
      if (failed.length > 0) context.draft.failed = failed;
      if (failures.length === 0) return { status: 200, body: { ok: true, entities: successes, errors: [] } };
      return { status: 207, body: { ok: true, entities: successes, errors: failures } };
    },
  },
  {
    operation: 'POST /v1/blueprints/{blueprint_identifier}/entities/search',
    handle: ({ catalog, params, json }) => {
      const blueprint = catalog.blueprint(params['blueprint_identifier']!);
      const page = searchEntities(
        catalog.sortedIdentifiers(blueprint.identifier),
        (identifier) => catalog.entity(blueprint.identifier, identifier)!,
        parseSearchRequest(json()),
        blueprint,
      );
      return { status: 200, body: { ok: true, ...page } };
    },
  },
  {
    operation: 'GET /v1/blueprints/{blueprint_identifier}/entities',
    handle: ({ catalog, params }) => {
      const blueprint = catalog.blueprint(params['blueprint_identifier']!);
      const entities = catalog.entities(blueprint.identifier).map((entity) => pickFields(entity, undefined, blueprint));
      return { status: 200, body: { ok: true, entities } };
    },
  },
  {
    operation: 'GET /v1/blueprints/{blueprint_identifier}/entities/{entity_identifier}',
    handle: ({ catalog, params }) => {
      const blueprint = catalog.blueprint(params['blueprint_identifier']!).identifier;
      const entity = catalog.entity(blueprint, params['entity_identifier']!);
      if (!entity) throw entityNotFound(blueprint, params['entity_identifier']!);
      return { status: 200, body: { ok: true, entity: entityAnswer(entity) } };
    },
  },
  {
    operation: 'DELETE /v1/blueprints/{blueprint_identifier}/entities/{entity_identifier}',
    write: 'delete',
    handle: ({ catalog, params, query, draft, faults }) => {
      const blueprint = catalog.blueprint(params['blueprint_identifier']!).identifier;
      const identifier = params['entity_identifier']!;
      if (!catalog.entity(blueprint, identifier)) throw entityNotFound(blueprint, identifier);
      const fault = faults.failDeletes.get(identifier);
      if (fault) throw PortApiError.fromBody(fault);
      draft.deleted = catalog.deleteEntities(blueprint, [identifier], flag(query, 'delete_dependents'));
      return { status: 200, body: { ok: true } };
    },
  },
  {
    operation: 'POST /v1/blueprints/{blueprint_identifier}/bulk/entities/delete',
    write: 'bulk-delete',
    handle: ({ catalog, params, query, json, draft, faults }) => {
      const blueprint = catalog.blueprint(params['blueprint_identifier']!).identifier;
      const identifiers = (json() as { entities: string[] }).entities;
      const deletable = identifiers.filter((identifier) => !faults.failDeletes.has(identifier));
      const deleted = catalog.deleteEntities(blueprint, deletable, flag(query, 'delete_dependents'));
      if (deleted.length > 0) draft.deleted = deleted;
      const requested = new Set(identifiers);
      const deletedEntities = deleted
        .filter((ref) => ref.blueprint === blueprint && requested.has(ref.identifier))
        .map((ref) => ref.identifier);
      return { status: 200, body: { ok: true, deletedEntities } };
    },
  },
];

/** Validates and stores one entity body of the path's blueprint; a `failEntities` entry fails it first. */
function upsertOne(context: RouteContext, raw: unknown): UpsertResult {
  const blueprint = context.catalog.blueprint(context.params['blueprint_identifier']!);
  const sent = isPlainObject(raw) ? raw['identifier'] : undefined;
  const fault = typeof sent === 'string' ? context.faults.failEntities.get(sent) : undefined;
  if (fault) throw PortApiError.fromBody(fault);
  const options: UpsertOptions = {
    isUpsert: flag(context.query, 'upsert'),
    isMerge: flag(context.query, 'merge'),
    shouldCreateMissingRelated: flag(context.query, 'create_missing_related_entities'),
    isValidationOnly: flag(context.query, 'validation_only'),
  };
  return context.catalog.upsertEntity(blueprint.identifier, parseEntityInput(raw, blueprint), options, context.writer);
}

/** Puts the creations of successful upserts into the write draft. */
function recordUpsert(context: RouteContext, results: UpsertResult[]): void {
  const created = results.filter((result) => result.isCreated).map((result) => result.entity.identifier);
  const createdRelated = results.flatMap((result) => result.createdRelated);
  if (created.length > 0) context.draft.created = created;
  if (createdRelated.length > 0) context.draft.createdRelated = createdRelated;
}

function entityNotFound(blueprint: string, identifier: string): PortApiError {
  return notFound(`Entity with identifier "${identifier}" does not exist in the blueprint "${blueprint}"`);
}
