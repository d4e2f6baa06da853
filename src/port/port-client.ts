import { Aws2PortError, describeRetryCount } from '../errors/index.js';
import { bulkBodyText, deleteBatches, upsertBatches, wireEntity, type WireEntity } from './entity-batches.js';
import { PortHttp, type PortConnection, type PortResponse } from './port-http.js';
import type { BatchPacing, Blueprint, EntityWriteResult, PortEntity, SearchQuery, UpsertOptions } from './port-types.js';
import type { SerializedEntity } from '../model/index.js';

/** Entities per search page (Port allows 1..1000). */
const SEARCH_PAGE_SIZE = 1000;

interface BulkAnswer {
  entities?: Array<{ identifier: string; index?: number; created?: boolean }>;
  errors?: Array<{ identifier?: string; index?: number; statusCode?: number; error?: string; message?: string }>;
}

/**
 * The Port REST client: entities in bulk, deletes, blueprints, searches. Reports an outcome per entity
 * (a 207 is success for some and failure for others); knows nothing of AWS.
 */
export class PortClient {
  private readonly http: PortHttp;

  constructor(connection: PortConnection) {
    this.http = new PortHttp(connection);
  }

  /**
   * Upserts entities of one blueprint in bulk requests (20 and 1 MiB at most; a 413 splits the batch),
   * each request's body assembled from the entities' JSON texts. The one place entities are batched:
   * `pacing` runs each request and hears each batch's outcomes as Port answers it.
   */
  async upsertEntities<T extends SerializedEntity>(blueprint: string, entities: readonly T[], options: UpsertOptions, pacing: BatchPacing<T> = {}): Promise<EntityWriteResult[]> {
    const run = pacing.run ?? ((request) => request());
    const results = await Promise.all(
      upsertBatches(entities.map(wireEntity)).map((batch) =>
        run(async () => {
          const written = await this.upsertBatch(blueprint, batch, options);
          pacing.onBatch?.(batch.map((e) => e.item), written);
          return written;
        }),
      ),
    );
    return results.flat();
  }

  /**
   * Deletes entities of one blueprint, in bulk requests of at most MAX_BULK_DELETE, paced and heard
   * batch by batch as upserts are. Port may delete a batch in part and names what it deleted
   * (`deletedEntities`): only those count as deleted at once. Each other entity of the batch (or every
   * one, when Port refuses the batch) is deleted on its own, which tells it apart: deleted now, already
   * gone (404, counted as deleted), or refused with Port's reason (a failed write, which the next run retries).
   */
  async deleteEntities(blueprint: string, identifiers: readonly string[], deleteDependents: boolean, pacing: BatchPacing<string> = {}): Promise<EntityWriteResult[]> {
    const run = pacing.run ?? ((request) => request());
    const results = await Promise.all(
      deleteBatches(identifiers).map((batch) =>
        run(async () => {
          const deleted = await this.deleteBatch(blueprint, batch, deleteDependents);
          pacing.onBatch?.(batch, deleted);
          return deleted;
        }),
      ),
    );
    return results.flat();
  }

  /** The blueprint, or undefined when Port has none by that identifier. */
  async getBlueprint(identifier: string): Promise<Blueprint | undefined> {
    const answer = await this.http.send({ method: 'GET', path: `/blueprints/${encodeURIComponent(identifier)}` });
    if (answer.status === 404) return undefined;
    assertSuccess(answer, `read blueprint ${identifier}`);
    return (answer.body as { blueprint: Blueprint }).blueprint;
  }

  /**
   * Entities of one blueprint matching `query`, page by page (Port's `next` cursor), with only the
   * fields `include` names: properties and relations by their identifiers (`region`, `account`),
   * meta-properties with `$` (`$title`). Port answers only what is named; `$identifier` is always asked for.
   */
  async *searchEntities(blueprint: string, query: SearchQuery, include: readonly string[], pageSize = SEARCH_PAGE_SIZE): AsyncIterableIterator<PortEntity[]> {
    const fields = [...new Set(['$identifier', ...include])];
    let from: string | undefined;
    do {
      const answer = await this.http.send({
        method: 'POST',
        path: `/blueprints/${encodeURIComponent(blueprint)}/entities/search`,
        body: { query, include: fields, limit: pageSize, ...(from ? { from } : {}) },
      });
      assertSuccess(answer, `search ${blueprint} entities`);
      const body = answer.body as { entities?: PortEntity[]; next?: string };
      yield body.entities ?? [];
      from = body.next;
    } while (from);
  }

  /** Creates a blueprint. */
  async createBlueprint(blueprint: Blueprint): Promise<void> {
    assertSuccess(await this.http.send({ method: 'POST', path: '/blueprints', body: blueprint }), `create blueprint ${blueprint.identifier}`);
  }

  /** Merges fields (e.g. relations) into a blueprint. */
  async patchBlueprint(identifier: string, patch: Partial<Blueprint>): Promise<void> {
    assertSuccess(await this.http.send({ method: 'PATCH', path: `/blueprints/${encodeURIComponent(identifier)}`, body: patch }), `update blueprint ${identifier}`);
  }

  /** Closes connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  private async upsertBatch(blueprint: string, batch: readonly WireEntity<SerializedEntity>[], options: UpsertOptions): Promise<EntityWriteResult[]> {
    const answer = await this.http.send({
      method: 'POST',
      path: `/blueprints/${encodeURIComponent(blueprint)}/entities/bulk`,
      query: { upsert: true, merge: options.merge, create_missing_related_entities: options.createMissingRelatedEntities, ...(options.validationOnly ? { validation_only: true } : {}) },
      bodyText: bulkBodyText(batch),
    });
    if (answer.status === 413 && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      const [first, second] = await Promise.all([this.upsertBatch(blueprint, batch.slice(0, half), options), this.upsertBatch(blueprint, batch.slice(half), options)]);
      return [...first, ...second];
    }
    const identifiers = batch.map((e) => e.item.entity.identifier);
    if (answer.status === 200 || answer.status === 201 || answer.status === 207) return perEntityResults(identifiers, answer.body as BulkAnswer);
    return identifiers.map((identifier) => failure(identifier, answer));
  }

  private async deleteBatch(blueprint: string, batch: readonly string[], deleteDependents: boolean): Promise<EntityWriteResult[]> {
    const answer = await this.http.send({
      method: 'POST',
      path: `/blueprints/${encodeURIComponent(blueprint)}/bulk/entities/delete`,
      query: { delete_dependents: deleteDependents },
      body: { entities: batch },
    });
    const deleted = new Set(isSuccess(answer.status) ? ((answer.body as { deletedEntities?: string[] } | undefined)?.deletedEntities ?? []) : []);
    return Promise.all(
      batch.map((identifier): EntityWriteResult | Promise<EntityWriteResult> => (deleted.has(identifier) ? { identifier, ok: true } : this.deleteOne(blueprint, identifier, deleteDependents))),
    );
  }

  private async deleteOne(blueprint: string, identifier: string, deleteDependents: boolean): Promise<EntityWriteResult> {
    const answer = await this.http.send({
      method: 'DELETE',
      path: `/blueprints/${encodeURIComponent(blueprint)}/entities/${encodeURIComponent(identifier)}`,
      query: { delete_dependents: deleteDependents },
    });
    if (isSuccess(answer.status) || answer.status === 404) return { identifier, ok: true };
    return failure(identifier, answer);
  }
}

/** Matches Port's per-entity answers to the batch (its identifiers, in order) by index, falling back to identifier. */
function perEntityResults(batch: readonly string[], body: BulkAnswer): EntityWriteResult[] {
  const byIndex = new Map<number, EntityWriteResult>();
  const indexOf = (index: number | undefined, identifier: string | undefined) =>
    index !== undefined && index >= 0 && index < batch.length ? index : batch.indexOf(identifier ?? '');
  for (const ok of body?.entities ?? []) {
    const i = indexOf(ok.index, ok.identifier);
    if (i >= 0) byIndex.set(i, { identifier: batch[i]!, ok: true, ...(ok.created === undefined ? {} : { created: ok.created }) });
  }
  for (const error of body?.errors ?? []) {
    const i = indexOf(error.index, error.identifier);
    if (i >= 0) byIndex.set(i, { identifier: batch[i]!, ok: false, statusCode: error.statusCode ?? 0, error: error.error ?? 'unknown', message: error.message ?? '' });
  }
  // An entity Port did not mention was not confirmed: it is not recorded, and the next plan retries it.
  return batch.map((identifier, i) => byIndex.get(i) ?? { identifier, ok: false, statusCode: 0, error: 'unconfirmed', message: 'Port did not report this entity in its answer' });
}

/** A failed write of one entity from Port's answer, saying how often it was tried when more than once. */
function failure(identifier: string, answer: PortResponse): EntityWriteResult {
  const body = answer.body as { error?: string; message?: string } | undefined;
  const message = body?.message ?? (typeof answer.body === 'string' ? answer.body.slice(0, 200) : '');
  const tries = answer.retries.attempts > 1 ? ` (${describeRetryCount(answer.retries)})` : '';
  return { identifier, ok: false, statusCode: answer.status, error: body?.error ?? `http_${answer.status}`, message: `${message}${tries}` };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function assertSuccess(answer: PortResponse, what: string): void {
  if (!isSuccess(answer.status)) {
    const body = answer.body as { message?: string } | undefined;
    const detail = answer.retries.attempts > 1 ? { detail: `Gave up after ${describeRetryCount(answer.retries)}.` } : {};
    throw new Aws2PortError('PortRequestFailed', `Port refused to ${what}: HTTP ${answer.status} ${body?.message ?? ''}`.trim(), { ...detail, retries: answer.retries });
  }
}
