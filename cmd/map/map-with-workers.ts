import type { FileHandle } from 'node:fs/promises';
import { OrderedResults } from '../../src/concurrency/index.js';
import { AddressBook, addSummary, emptySummary, type ItemStreamMapper, type MapSummary, readLineChunks } from '../../src/mapping/index.js';
import type { Output } from '../output.js';
import { renderMapRecord, type MapRecordFormat } from '../views/map-records-view.js';
import { mapLineChunk, type MappedChunk } from './map-line-chunk.js';
import type { MapWorkerPool } from './map-worker-pool.js';

/** Bytes of JSON lines per chunk: a few milliseconds of work, enough to amortise a message. */
const CHUNK_BYTES = 1 << 18;

/** Options of mapWithWorkers. */
export interface WorkerMapOptions {
  /** A JSON lines file, read from its current position. */
  file: FileHandle;
  /** The threads that help (started with the same config, kind and format as `mapper`); stopped by the caller. */
  pool: MapWorkerPool;
  /** This thread's mapper. */
  mapper: ItemStreamMapper;
  format: MapRecordFormat;
  output: Output;
}

/**
 * `aws2port map` over worker threads: the file is cut into chunks of whole lines; the workers map
 * chunks while this thread reads, maps the chunks the busy workers cannot take, and prints every
 * chunk's text in input order, checking each entity's address against those before it as the
 * in-process map does (AddressBook). Resolves to the run's counts.
 */
export async function mapWithWorkers(options: WorkerMapOptions): Promise<MapSummary> {
  const { file, pool, mapper, format, output } = options;
  const summary = emptySummary();
  const addresses = new AddressBook();
  const results = new OrderedResults<MappedChunk>();
  const print = (chunk: MappedChunk) => output.stdout.write(withAddressesChecked(chunk, addresses, summary, format));
  for await (const chunk of readLineChunks(file, CHUNK_BYTES)) {
    results.add(pool.tryMap(chunk) ?? mapLineChunk(chunk.bytes, chunk.firstIndex, mapper, format));
    for (const ready of results.takeReady()) await print(ready);
  }
  for (let ready = await results.takeNext(); ready; ready = await results.takeNext()) await print(ready);
  return summary;
}

/**
 * The chunk's output with the address conflicts of its entities (AddressBook): an entity that loses
 * its address replaced by its conflict, one that takes it preceded by the conflict of the item that
 * held it. Counts added to `summary`.
 */
function withAddressesChecked(chunk: MappedChunk, addresses: AddressBook, summary: MapSummary, format: MapRecordFormat): Uint8Array {
  addSummary(summary, chunk.summary);
  const { bytes, entities } = chunk;
  const { items, resourceIndexes, blueprints, identifiers, orders, starts, ends } = entities;
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (let entity = 0; entity < items.length; entity += 1) {
    const claim = { item: items[entity]!, resourceIndex: resourceIndexes[entity]!, blueprint: blueprints[entity]!, identifier: identifiers[entity]!, order: orders[entity]! };
    const conflict = addresses.claim(claim, summary);
    if (!conflict) continue;
    parts.push(bytes.subarray(copied, starts[entity]), Buffer.from(renderMapRecord(conflict.record, format)));
    copied = conflict.isClaimKept ? starts[entity]! : ends[entity]!;
  }
  return parts.length === 0 ? bytes : Buffer.concat([...parts, bytes.subarray(copied)]);
}
