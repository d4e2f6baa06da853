import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { OrderedResults } from '../../src/concurrency/ordered-results.js';
import { readLineChunks } from '../../src/mapping/read-line-chunks.js';

/**
 * `node mapping-floor.js FILE`: the floor under `aws2port map --json` on the mapping bench's S3 items,
 * a whole process that does only what cannot be avoided: JSON.parse each line, build the seed's S3
 * entity with hand-written JavaScript (no jq semantics, no checks), JSON.stringify it. It reads the
 * file and shares the chunks between the main thread and one worker per other CPU as `map` does, so
 * the two compare on the same threads. Prints the entity lines on stdout.
 */
const CHUNK_BYTES = 1 << 18;
const TASKS_PER_WORKER = 4;
const REGION = /.*\.(?<region>[^.]+)\.amazonaws\.com/;

interface Bucket {
  Identifier: string;
  Properties: { Arn: string; RegionalDomainName: string; Tags: unknown };
  __Kind: string;
  __AccountId: string;
}

/** The entity lines of a chunk of whole JSON lines of buckets. */
function mapChunk(lines: Uint8Array): Uint8Array {
  const text = Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength).toString('utf8');
  let out = '';
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const { Identifier, Properties, __Kind, __AccountId } = JSON.parse(text.slice(start, end)) as Bucket;
      const region = REGION.exec(Properties.RegionalDomainName)?.groups?.region ?? null;
      const link = `https://console.aws.amazon.com/go/view?arn=${Properties.Arn}`;
      const properties = { kind: __Kind, region, tags: Properties.Tags, arn: Properties.Arn, link };
      out += `${JSON.stringify({ blueprint: 'cloudResource', identifier: Identifier, title: Identifier, icon: null, team: null, properties, relations: { account: __AccountId } })}\n`;
    }
    start = end + 1;
  }
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(out));
  bytes.write(out, 0, 'utf8');
  return bytes;
}

if (isMainThread) {
  const workers = Array.from({ length: Math.max(0, availableParallelism() - 1) }, () => ({ thread: new Worker(new URL(import.meta.url)), waiting: [] as Array<(bytes: Uint8Array) => void> }));
  for (const worker of workers) worker.thread.on('message', (bytes: Uint8Array) => worker.waiting.shift()!(bytes));
  const file = await open(process.argv[2]!, 'r');
  const results = new OrderedResults<Uint8Array>();
  const print = (bytes: Uint8Array) => new Promise<void>((resolve) => (process.stdout.write(bytes) ? resolve() : process.stdout.once('drain', resolve)));
  for await (const chunk of readLineChunks(file, CHUNK_BYTES)) {
    const idle = workers.find((worker) => worker.waiting.length < TASKS_PER_WORKER);
    if (idle) {
      results.add(new Promise<Uint8Array>((resolve) => idle.waiting.push(resolve)));
      idle.thread.postMessage(chunk.bytes, [chunk.bytes.buffer as ArrayBuffer]);
    } else {
      results.add(mapChunk(chunk.bytes));
    }
    for (const ready of results.takeReady()) await print(ready);
  }
  for (let ready = await results.takeNext(); ready; ready = await results.takeNext()) await print(ready);
  await file.close();
  await Promise.all(workers.map((worker) => worker.thread.terminate()));
} else {
  parentPort!.on('message', (lines: Uint8Array) => {
    const bytes = mapChunk(lines);
    parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
  });
}
