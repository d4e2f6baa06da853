import { type ItemStreamMapper, type MapSummary, parseJsonLines } from '../../src/mapping/index.js';
import { renderMapRecord, type MapRecordFormat } from '../views/map-records-view.js';

/** A chunk of JSON lines mapped and rendered, before the run's address check. */
export interface MappedChunk {
  /** Every record of the chunk, rendered in UTF-8, in input order. Owns its ArrayBuffer, so it can be transferred. */
  bytes: Uint8Array;
  /** The chunk's counts. */
  summary: MapSummary;
  /** Per entity record, in order: its item, resource config, blueprint, identifier, origin's order, and where its text starts and ends in `bytes`. */
  entities: { items: number[]; resourceIndexes: number[]; blueprints: string[]; identifiers: string[]; orders: string[]; starts: number[]; ends: number[] };
}

/**
 * Parses, maps and renders a chunk of whole JSON lines whose first item has index `firstIndex` in
 * the input, with `mapper`. Throws what the mapper throws (a mapping that does not compile).
 */
export function mapLineChunk(lines: Uint8Array, firstIndex: number, mapper: ItemStreamMapper, format: MapRecordFormat): MappedChunk {
  const text = Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8');
  const { records, summary } = mapper.mapChunk({ firstIndex, ...parseJsonLines(text) });
  const entities: MappedChunk['entities'] = { items: [], resourceIndexes: [], blueprints: [], identifiers: [], orders: [], starts: [], ends: [] };
  let rendered = '';
  let byteLength = 0;
  for (const record of records) {
    const recordText = renderMapRecord(record, format);
    const recordBytes = Buffer.byteLength(recordText);
    if (record.type === 'entity') {
      entities.items.push(record.item);
      entities.resourceIndexes.push(record.resourceIndex);
      entities.blueprints.push(record.blueprint);
      entities.identifiers.push(record.entity.identifier);
      entities.orders.push(record.order);
      entities.starts.push(byteLength);
      entities.ends.push(byteLength + recordBytes);
    }
    rendered += recordText;
    byteLength += recordBytes;
  }
  // Not Buffer.from: a small one would be a slice of Node's shared pool, which must not be transferred.
  const bytes = Buffer.allocUnsafeSlow(byteLength);
  bytes.write(rendered, 0, 'utf8');
  return { bytes, summary, entities };
}
