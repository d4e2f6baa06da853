import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import type { ResourceConfig } from '../../src/config/types.js';
import { compileMapper, loadJqEngine } from '../../src/mapping/index.js';
import { generateBucketItems } from '../mapping/generate-bucket-items.js';
import { NATIVE_JQ } from '../mapping/native-jq.js';

/**
 * The mapping's speed: the seed's S3 mapping over the same 100,000 generated buckets of
 * about 1 KB, as JSON lines in a file, each way a whole process reading the file and writing one
 * entity per line: (a) `aws2port map --json` as a user runs it (the main thread and one worker per
 * other CPU), (a1) the same on one thread (`--workers 0`), (b) jq-wasm running one combined program
 * per batch of 1,000 items (how mapping ran before the fast path), (c) native `jq -c` (Debian's 1.6)
 * running one combined program over the JSON lines, and (d) the floor: JSON.parse, a hand-written
 * JavaScript entity and JSON.stringify per line, on the same threads as (a), with nothing of jq's
 * semantics (mapping-floor.ts). Every way must print the same entities. The best of BENCH_RUNS runs
 * (default 3) counts, except for (b), which runs once. Target: (a) takes at most 1.25x the time of (d).
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KIND = 'AWS::S3::Bucket';
const SEED_CONFIG = fileURLToPath(new URL('../../../examples/port-app-config.yml', import.meta.url));
const CLI = fileURLToPath(new URL('../../cmd/aws2port.js', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const FLOOR = fileURLToPath(new URL('./mapping-floor.js', import.meta.url));
/** The most time `map` may take over the floor's, on the same threads. */
const FLOOR_TARGET = 1.25;

if (process.argv[2] === '--jq-wasm-child') await runJqWasmChild(process.argv[3]!, process.argv[4]!);
else await main();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aws2port-mapping-bench-'));
  try {
    const input = join(dir, 'buckets.jsonl');
    const text = `${generateBucketItems(ITEMS, 4).map((item) => JSON.stringify(item)).join('\n')}\n`;
    writeFileSync(input, text);
    process.stdout.write(`${ITEMS} S3 items, ${(text.length / ITEMS).toFixed(0)} bytes each on average, the seed's ${KIND} mapping\n`);
    const resource = seedResource();

    const mapArgs = [CLI, 'map', '--json', '--quiet', '--kind', KIND, '--config', SEED_CONFIG, input];
    const fast = await bestOf(RUNS, () => timeProcess(process.execPath, mapArgs, join(dir, 'a.jsonl')));
    const oneThread = await bestOf(RUNS, () => timeProcess(process.execPath, [...mapArgs, '--workers', '0'], join(dir, 'a1.jsonl')));
    const native = existsSync(NATIVE_JQ) ? await bestOf(RUNS, () => timeProcess(NATIVE_JQ, ['-c', nativeProgram(resource), input], join(dir, 'c.jsonl'))) : null;
    const floor = await bestOf(RUNS, () => timeProcess(process.execPath, [FLOOR, input], join(dir, 'd.jsonl')));
    const wasm = await timeProcess(process.execPath, [THIS_FILE, '--jq-wasm-child', input, join(dir, 'b.jsonl')], join(dir, 'b.log'));

    const rate = (seconds: number) => ITEMS / seconds;
    const row = (name: string, seconds: number) => `${name.padEnd(71)} ${seconds.toFixed(2).padStart(7)} s ${Math.round(rate(seconds)).toLocaleString('en-US').padStart(11)} items/s\n`;
    const threads = availableParallelism();
    process.stdout.write(row(`(a) aws2port map --json, whole process (${threads} thread${threads === 1 ? '' : 's'})`, fast));
    process.stdout.write(row('(a1) aws2port map --json --workers 0, whole process (1 thread)', oneThread));
    process.stdout.write(row('(b) jq-wasm 1.8.2, one program per 1,000 items, whole process', wasm));
    if (native !== null) process.stdout.write(row('(c) native jq -c (1.6), one program over JSON lines', native));
    else process.stdout.write(`(c) native jq: skipped, ${NATIVE_JQ} is missing (apt-get install jq)\n`);
    process.stdout.write(row(`(d) floor: JSON.parse, hand-written entity, JSON.stringify (${threads} thread${threads === 1 ? '' : 's'})`, floor));
    const overFloor = fast / floor;
    process.stdout.write(`ratio (a)/(b): ${(wasm / fast).toFixed(1)}x; (a)/(a1): ${(oneThread / fast).toFixed(2)}x\n`);
    process.stdout.write(`(a) takes ${overFloor.toFixed(2)}x the floor's time (target: at most ${FLOOR_TARGET}x: ${overFloor <= FLOOR_TARGET ? 'met' : 'NOT met'})\n`);

    await assertSameEntities(join(dir, 'a.jsonl'), join(dir, 'b.jsonl'), '(a) and (b)');
    await assertSameEntities(join(dir, 'a.jsonl'), join(dir, 'd.jsonl'), '(a) and (d)');
    if (readFileSync(join(dir, 'a.jsonl'), 'utf8') !== readFileSync(join(dir, 'a1.jsonl'), 'utf8')) throw new Error('(a) and (a1) differ');
    if (native !== null) {
      await assertSameEntities(join(dir, 'a.jsonl'), join(dir, 'c.jsonl'), '(a) and (c)');
      process.stdout.write(`ratio (a)/(c): ${(native / fast).toFixed(1)}x; (a1)/(c): ${(native / oneThread).toFixed(1)}x; (d)/(c): ${(native / floor).toFixed(1)}x, the most any JavaScript mapping could reach here\n`);
    }
    process.stdout.write('outputs: identical entities, line by line\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function seedResource(): ResourceConfig {
  const { config } = loadConfig(SEED_CONFIG);
  const resource = config?.resources.find((r) => r.kind === KIND);
  if (!resource) throw new Error(`${SEED_CONFIG} has no ${KIND} mapping`);
  return resource;
}

/**
 * The seed's S3 mapping as one jq program printing the entity `aws2port map --json` prints: each
 * field's first output, null when it yields nothing or fails (as Port's integration does).
 */
function nativeProgram(resource: ResourceConfig): string {
  const field = (text: string) => `f(${text}\n)`;
  const { mappings } = resource;
  const object = (entries: Record<string, { text: string } | { searchQuery: unknown }>) =>
    `{${Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)}: ${'text' in value ? field(value.text) : JSON.stringify(value.searchQuery)}`).join(', ')}}`;
  const optional = (expression: { text: string } | undefined) => (expression ? field(expression.text) : 'null');
  return [
    'def f(g): try ([first(g)][0]) catch null;',
    `select(${field(resource.selector.query.text)})`,
    `| {blueprint: ${field(mappings.blueprint.text)}, identifier: ${field(mappings.identifier.text)}, title: ${optional(mappings.title)}, icon: ${optional(mappings.icon)},`,
    `team: ${optional(mappings.team)}, properties: ${object(mappings.properties)}, relations: ${object(mappings.relations)}}`,
  ].join('\n');
}

/** (b), in a child process: reads the JSON lines, maps them with jq-wasm alone in batches of 1,000, writes the entities. */
async function runJqWasmChild(input: string, output: string): Promise<void> {
  const mapper = compileMapper(seedResource(), await loadJqEngine(), { isJqOnly: true, batchSize: 1000 });
  const out = openSync(output, 'w');
  let batch: never[] = [];
  const flush = () => {
    const lines = mapper.mapBatch(batch).entities.map(({ blueprint, entity: { identifier, title, icon, team, properties, relations } }) => JSON.stringify({ blueprint, identifier, title, icon, team, properties, relations }));
    writeFileSync(out, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
    if (line === '') continue;
    batch.push(JSON.parse(line) as never);
    if (batch.length === 1000) flush();
  }
  flush();
  closeSync(out);
}

/** Runs a command with stdout to `outputFile`; its wall time in seconds. Fails on a non-zero exit. */
async function timeProcess(command: string, args: string[], outputFile: string): Promise<number> {
  const out = openSync(outputFile, 'w');
  const started = process.hrtime.bigint();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', out, 'inherit'] });
    child.on('error', reject);
    child.on('close', (status) => resolve(status ?? 1));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  if (code !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')}... exited with ${code}`);
  return seconds;
}

async function bestOf(runs: number, measure: () => Promise<number>): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run += 1) best = Math.min(best, await measure());
  return best;
}

/** Compares two outputs entity by entity (as JSON values: jq and JavaScript print numbers and escapes differently). */
async function assertSameEntities(fileA: string, fileB: string, what: string): Promise<void> {
  const linesA = readFileSync(fileA, 'utf8').split('\n').filter((line) => line !== '');
  const linesB = readFileSync(fileB, 'utf8').split('\n').filter((line) => line !== '');
  if (linesA.length !== ITEMS || linesB.length !== ITEMS) throw new Error(`${what}: ${linesA.length} and ${linesB.length} entities for ${ITEMS} items`);
  linesA.forEach((line, index) => {
    if (line !== linesB[index] && JSON.stringify(JSON.parse(line)) !== JSON.stringify(JSON.parse(linesB[index]!))) {
      throw new Error(`${what} differ at entity ${index}:\n${line}\n${linesB[index]}`);
    }
  });
}
