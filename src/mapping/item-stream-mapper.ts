import type { RawItem } from '../aws/index.js';
import type { ConfigPlace, ResolvedConfig, ResourceConfig } from '../config/index.js';
import { Aws2PortError } from '../errors/index.js';
import { AddressBook } from './address-book.js';
import { compileMapper } from './compile-mapper.js';
import { originOrder, scopeOfItem } from './item-origin.js';
import type { JqEngine } from './jq-engine.js';
import { addSummary, emptySummary, itemError, type ErrorRecord, type MapRecord, type MapSummary } from './map-records.js';
import { mapItems, type ScopedItem } from './map-items.js';
import type { Mapper } from './mapper.js';
import { readJsonItems, type ItemChunk } from './read-json-items.js';

/** Items handed to one mapBatch call: large enough to amortise a jq run, small enough to keep output flowing. */
const STREAM_BATCH_SIZE = 256;

/** Options of an ItemStreamMapper. */
export interface ItemStreamOptions {
  config: ResolvedConfig;
  engine: JqEngine;
  /** Map every item with the resource configs of this kind; when absent, each item's `__Kind` decides. */
  kind?: string;
  /** `--strict`: a jq error in title, icon, team, a property or a relation skips the item. */
  isStrict: boolean;
}

/**
 * Maps a stream of raw items (JSON lines or a JSON array) with a config's resource configs, as
 * `aws2port map` does: items are parsed once, mapped in batches, and turned into records in input
 * order, under the rules a plan maps by (mapItems). An address (blueprint and identifier) made twice
 * is kept as a plan keeps it (AddressBook).
 */
export class ItemStreamMapper {
  readonly summary: MapSummary = emptySummary();
  private readonly mappersByKind = new Map<string, Mapper[]>();
  private readonly addresses = new AddressBook();

  /** Throws Aws2PortError `InvalidArgument` when `kind` is given and no resource config has it. */
  constructor(private readonly options: ItemStreamOptions) {
    if (options.kind !== undefined) checkKindIsMapped(options.config, options.kind);
  }

  /** The records of every item of `chunks`, in input order, in groups. Throws Aws2PortError `JqCompileFailed` for a mapping that does not compile. */
  async *map(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<MapRecord[]> {
    for await (const chunk of readJsonItems(chunks)) {
      for (let from = 0; from < chunk.entries.length; from += STREAM_BATCH_SIZE) {
        const { records, summary } = this.mapEntries(chunk, from, Math.min(from + STREAM_BATCH_SIZE, chunk.entries.length));
        addSummary(this.summary, summary);
        yield records.flatMap((record) => {
          if (record.type !== 'entity') return [record];
          const { item, resourceIndex, blueprint, entity, order } = record;
          const conflict = this.addresses.claim({ item, resourceIndex, blueprint, identifier: entity.identifier, order }, this.summary);
          if (!conflict) return [record];
          return conflict.isClaimKept ? [conflict.record, record] : [conflict.record];
        });
      }
    }
  }

  /**
   * The records of every item of `chunk`, in input order, and their counts, without the address check
   * and apart from `summary`: for a caller that checks the addresses of the whole run itself, with an
   * AddressBook, and adds up the counts.
   */
  mapChunk(chunk: ItemChunk): { records: MapRecord[]; summary: MapSummary } {
    return this.mapEntries(chunk, 0, chunk.entries.length);
  }

  private mapEntries(chunk: ItemChunk, from: number, to: number): { records: MapRecord[]; summary: MapSummary } {
    const summary = emptySummary();
    const errors: ErrorRecord[] = [];
    const groups = new Map<string, { items: ScopedItem[]; indexes: number[] }>();
    for (let position = from; position < to; position += 1) {
      const entry = chunk.entries[position]!;
      const index = chunk.firstIndex + position;
      if ('error' in entry) {
        errors.push(itemError(index, entry.error));
        continue;
      }
      const kind = this.options.kind ?? kindOf(entry.item);
      if (kind === null) {
        errors.push(itemError(index, 'the item has no __Kind: name its kind with --kind'));
        continue;
      }
      if (this.mappersOf(kind).length === 0) {
        errors.push(itemError(index, `no resource config maps kind ${kind}`));
        continue;
      }
      let group = groups.get(kind);
      if (!group) groups.set(kind, (group = { items: [], indexes: [] }));
      const item = entry.item as RawItem;
      group.items.push({ item, scope: scopeOfItem(item, kind) });
      group.indexes.push(index);
    }
    summary.items = to - from;

    const lists: MapRecord[][] = errors.length > 0 ? [errors] : [];
    for (const [kind, group] of groups) {
      for (const mapper of this.mappersOf(kind)) lists.push(this.mapGroup(mapper, group.items, group.indexes, chunk.areStringsWellFormed, summary));
    }
    const records = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a.item - b.item);
    for (const record of records) {
      if (record.type === 'entity') {
        summary.entities += 1;
        continue;
      }
      summary.errors += 1;
      if (record.isItemSkipped) summary.skipped += 1;
    }
    return { records, summary };
  }

  /** The records of one mapper over items of its kind, in item order (an item's errors before its entities); its filtered items (region policy included) counted in `summary`. */
  private mapGroup(mapper: Mapper, items: ScopedItem[], indexes: number[], areStringsWellFormed: boolean, summary: MapSummary): MapRecord[] {
    const resource = mapper.resource;
    const result = mapItems(mapper, items, { areStringsWellFormed });
    summary.filtered += result.filtered;
    const records: MapRecord[] = [];
    let issue = 0;
    for (const mapped of result.entities) {
      for (; issue < result.issues.length && result.issues[issue]!.itemIndex <= mapped.itemIndex; issue += 1) records.push(issueRecord(result.issues[issue]!, indexes, resource));
      records.push({ type: 'entity', item: indexes[mapped.itemIndex]!, resourceIndex: resource.index, blueprint: mapped.blueprint, entity: mapped.entity, order: originOrder(mapped.origin) });
    }
    for (; issue < result.issues.length; issue += 1) records.push(issueRecord(result.issues[issue]!, indexes, resource));
    return records;
  }

  private mappersOf(kind: string): Mapper[] {
    let mappers = this.mappersByKind.get(kind);
    if (!mappers) {
      const { config, engine, isStrict } = this.options;
      mappers = config.resources.filter((resource) => resource.kind === kind).map((resource) => compileMapper(resource, engine, { isStrict }));
      this.mappersByKind.set(kind, mappers);
    }
    return mappers;
  }
}

/** Throws Aws2PortError `InvalidArgument` when no resource config of `config` has `kind`. */
function checkKindIsMapped(config: ResolvedConfig, kind: string): void {
  if (config.resources.some((resource) => resource.kind === kind)) return;
  throw new Aws2PortError('InvalidArgument', `No resource config of kind ${kind} in ${config.file}.`, {
    detail: `The config maps: ${[...new Set(config.resources.map((resource) => resource.kind))].join(', ')}.`,
  });
}

function kindOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const kind = (item as Record<string, unknown>)['__Kind'];
  return typeof kind === 'string' && Object.hasOwn(item, '__Kind') ? kind : null;
}

function issueRecord(issue: { itemIndex: number; field: string; place: ConfigPlace; message: string; isItemSkipped: boolean }, indexes: number[], resource: ResourceConfig): ErrorRecord {
  return {
    type: 'error',
    item: indexes[issue.itemIndex]!,
    message: issue.message,
    resourceIndex: resource.index,
    field: issue.field,
    place: issue.place,
    expression: expressionText(resource, issue.field),
    isItemSkipped: issue.isItemSkipped,
  };
}

/** The text of the jq expression behind an issue's field. */
function expressionText(resource: ResourceConfig, field: string): string | null {
  const { mappings } = resource;
  if (field === 'selector.query') return resource.selector.query.text;
  if (field === 'itemsToParse') return resource.itemsToParse?.text ?? null;
  const [group, key] = field.split(/\.(.*)/s) as [string, string | undefined];
  if (group === 'properties' && key !== undefined) return mappings.properties[key]?.text ?? null;
  if (group === 'relations' && key !== undefined) {
    const relation = mappings.relations[key];
    return relation && 'text' in relation ? relation.text : null;
  }
  const named = mappings[group as 'identifier' | 'title' | 'blueprint' | 'icon' | 'team'];
  return named?.text ?? null;
}
