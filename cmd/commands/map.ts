import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Aws2PortError, fileReadProblem } from '../../src/errors/index.js';
import { compileJqModule, inputForm, ItemStreamMapper, loadJqEngine, type MapSummary } from '../../src/mapping/index.js';
import type { ResolvedConfig } from '../../src/config/index.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow } from '../load-config-or-throw.js';
import type { Output } from '../output.js';
import type { WorkerMapOptions } from '../map/map-with-workers.js';
import { renderMapRecord, summaryLine, type MapRecordFormat } from '../views/map-records-view.js';

type MapArgs = Extract<Args, { command: 'map' }>;

/** Output gathered before one write: large writes keep a million-entity run cheap. */
const FLUSH_CHARS = 1 << 20;
/** Bytes read from the input at a time by the in-process map. */
const READ_CHUNK_BYTES = 1 << 18;
/** Without --workers, a JSON lines file at least this large is mapped by one thread per CPU... */
const WORKERS_MIN_BYTES = 8 << 20;
/** ...but with no more than this many workers besides the main thread, which also prints. */
const MAX_DEFAULT_WORKERS = 7;

/**
 * `aws2port map [FILE]`: maps raw items (a JSON array or JSON lines; stdin without FILE) with the
 * config's mapping and prints the entities and every per-item error, in input order. Exit 0 when
 * every item gave its entities (fields set to null are reported but allowed), 1 when an item was
 * skipped or unreadable. A large JSON lines file is mapped with worker threads too, with the same output.
 */
export async function runMap(args: MapArgs, output: Output): Promise<number> {
  const format: MapRecordFormat = { isJson: args.json, style: output.style };
  const file = args.inputFile === undefined ? null : await openItemsFile(args.inputFile);
  // jq-wasm compiles in the background while the config is read (a config error wins over a load error);
  // workers start as soon as the config is read, and get the compiled module when it is ready.
  const compiling = compileJqModule();
  compiling.catch(() => undefined);
  let workers: Awaited<ReturnType<typeof startWorkers>> = null;
  try {
    const config = loadConfigOrThrow(args, output);
    if (file) workers = await startWorkers(args, file, config, compiling);
    const mapper = new ItemStreamMapper({ config, engine: await loadJqEngine(await compiling), isStrict: args.isStrict, ...(args.kind === undefined ? {} : { kind: args.kind }) });
    const summary = file && workers ? await workers.map({ file, mapper, format, output }) : await mapHere(mapper, output, format, file);
    if (args.json) output.log(summaryLine(summary));
    else await output.stdout.write(`${summaryLine(summary)}\n`);
    return summary.skipped > 0 ? 1 : 0;
  } finally {
    await workers?.stop();
    await file?.close();
  }
}

/** Maps in this thread, printing as it goes. */
async function mapHere(mapper: ItemStreamMapper, output: Output, format: MapRecordFormat, file: FileHandle | null): Promise<MapSummary> {
  if (!file && process.stdin.isTTY) output.log('Reading items from standard input (end with Ctrl-D)...');
  const input = file ? file.createReadStream({ highWaterMark: READ_CHUNK_BYTES, autoClose: false }) : process.stdin;
  let text = '';
  for await (const records of mapper.map(input)) {
    for (const record of records) text += renderMapRecord(record, format);
    if (text.length >= FLUSH_CHARS) {
      await output.stdout.write(text);
      text = '';
    }
  }
  await output.stdout.write(text);
  return mapper.summary;
}

/** Worker threads to help map a JSON lines `file` (see workerCount), started; null when none would. Loaded only then. */
async function startWorkers(
  args: MapArgs,
  file: FileHandle,
  config: ResolvedConfig,
  compiling: Promise<WebAssembly.Module>,
): Promise<{ map(options: Omit<WorkerMapOptions, 'pool'>): Promise<MapSummary>; stop(): Promise<void> } | null> {
  const count = await workerCount(args, file);
  if (count === 0) return null;
  const [{ MapWorkerPool }, { mapWithWorkers }] = await Promise.all([import('../map/map-worker-pool.js'), import('../map/map-with-workers.js')]);
  const setup = { config, isStrict: args.isStrict, isJson: args.json, isColor: args.isColor, ...(args.kind === undefined ? {} : { kind: args.kind }) };
  const pool = new MapWorkerPool(count, setup, compiling.then((jqModule) => ({ jqModule })));
  return { map: (options) => mapWithWorkers({ ...options, pool }), stop: () => pool.stop() };
}

/**
 * How many worker threads help map `file`: none unless it is a regular file (not a pipe) of JSON
 * lines; --workers, or one per other CPU for a large file. Leaves the file's position at its start.
 */
async function workerCount(args: MapArgs, file: FileHandle): Promise<number> {
  const stats = await file.stat();
  if (!stats.isFile()) return 0;
  const head = Buffer.alloc(256);
  const { bytesRead } = await file.read(head, 0, head.length, 0);
  if (inputForm(head.subarray(0, bytesRead)) !== 'lines') return 0;
  if (args.workers !== undefined) return args.workers;
  return stats.size >= WORKERS_MIN_BYTES ? Math.min(availableParallelism() - 1, MAX_DEFAULT_WORKERS) : 0;
}

/** The items file, open for reading. Throws InputUnreadable. */
async function openItemsFile(file: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    return handle;
  } catch (cause) {
    await handle?.close();
    throw new Aws2PortError('InputUnreadable', `Cannot read the items file ${file}: ${fileReadProblem(cause)}.`, {
      detail: 'Give a file of raw items (a JSON array, or JSON lines), or pipe them on stdin.',
      subject: file,
      cause,
    });
  }
}
