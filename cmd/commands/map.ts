import { createReadStream, fstatSync, openSync } from 'node:fs';
import { Aws2PortError } from '../../src/errors/index.js';
import { ItemStreamMapper, loadJqEngine, type EntityRecord, type ErrorRecord, type MapRecord, type MapSummary } from '../../src/mapping/index.js';
// Leaf modules of the plan stage, not its entry: map must not load the planner (AWS SDK, SQLite) at start-up.
import { entityAttributes } from '../../src/plan/render-values.js';
import type { TextStyle } from '../../src/plan/text-style.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow } from '../load-config-or-throw.js';
import type { Output } from '../output.js';

/** Output gathered before one write: large writes keep a million-entity run cheap. */
const FLUSH_CHARS = 1 << 20;
/** Bytes read from the input file at a time. */
const READ_CHUNK_BYTES = 1 << 18;

/**
 * `aws2port map [FILE]`: maps raw items (a JSON array or JSON lines; stdin without FILE) with the
 * config's mapping and prints the entities and every per-item error, in input order. Exit 0 when
 * every item gave its entities (fields set to null are reported but allowed), 1 when an item was
 * skipped or unreadable.
 */
export async function runMap(args: Extract<Args, { command: 'map' }>, output: Output): Promise<number> {
  // jq-wasm compiles in the background while the config is read (a config error wins over a load error).
  const loading = loadJqEngine();
  loading.catch(() => undefined);
  const config = loadConfigOrThrow(args, output);
  const engine = await loading;
  const mapper = new ItemStreamMapper({ config, engine, isStrict: args.isStrict, ...(args.kind === undefined ? {} : { kind: args.kind }) });
  if (!args.inputFile && process.stdin.isTTY) output.log('Reading items from standard input (end with Ctrl-D)...');
  const render = args.json ? renderJsonLines : (records: MapRecord[]) => renderText(records, output.style);
  let text = '';
  for await (const records of mapper.map(openInput(args.inputFile))) {
    text += render(records);
    if (text.length >= FLUSH_CHARS) {
      await output.stdout.write(text);
      text = '';
    }
  }
  const summary = summaryLine(mapper.summary);
  if (args.json) {
    await output.stdout.write(text);
    output.log(summary);
  } else {
    await output.stdout.write(`${text}${summary}\n`);
  }
  return mapper.summary.skipped > 0 ? 1 : 0;
}

/** The items file, read in large chunks; stdin when there is none. Throws InputUnreadable. */
function openInput(file: string | undefined): AsyncIterable<Buffer> {
  if (file === undefined) return process.stdin;
  try {
    const fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    return createReadStream(file, { fd, highWaterMark: READ_CHUNK_BYTES });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (cause as Error).message;
    throw new Aws2PortError('InputUnreadable', `Cannot read the items file ${file}: ${reason}.`, {
      detail: 'Give a file of raw items (a JSON array, or JSON lines), or pipe them on stdin.',
      subject: file,
      cause,
    });
  }
}

/** One JSON object per line: `{"blueprint", "identifier", "title", "icon", "team", "properties", "relations"}` per entity, `{"error", "item", "expression", ...}` per problem. */
function renderJsonLines(records: MapRecord[]): string {
  let text = '';
  for (const record of records) text += record.type === 'entity' ? entityLine(record) : `${JSON.stringify(errorObject(record))}\n`;
  return text;
}

function entityLine({ blueprint, entity }: EntityRecord): string {
  const { identifier, title, icon, team, properties, relations } = entity;
  return `${JSON.stringify({ blueprint, identifier, title, icon, team, properties, relations })}\n`;
}

function errorObject(record: ErrorRecord): Record<string, unknown> {
  return {
    error: record.message,
    item: record.item,
    expression: record.expression,
    field: record.field,
    path: record.place?.path ?? null,
    line: record.place?.line ?? null,
    skipped: record.isItemSkipped,
  };
}

/** Entities with their fields one per line, problems as `!` lines, in input order. */
function renderText(records: MapRecord[], style: TextStyle): string {
  let text = '';
  for (const record of records) {
    if (record.type === 'error') {
      const where = record.place ? ` ${record.place.path}${record.place.line > 0 ? ` (line ${record.place.line})` : ''}` : '';
      const effect = record.field === null ? '' : record.isItemSkipped ? ' [item skipped]' : ' [set to null]';
      text += `${style.warn('!')} item ${record.item}:${where}: ${record.message}${effect}\n`;
      continue;
    }
    const { entity } = record;
    text += `${style.create('+')} ${style.bold(`${record.blueprint}.${entity.identifier}`)}  ${style.dim(`(item ${record.item}, resources[${record.resourceIndex}])`)}\n`;
    for (const [name, value] of entityAttributes(entity)) text += `      ${name} = ${JSON.stringify(value)}\n`;
  }
  return text;
}

/** `Mapped 10 items: 9 entities, 1 filtered out, 2 errors (1 item skipped).` */
function summaryLine(summary: MapSummary): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return `Mapped ${count(summary.items, 'item')}: ${count(summary.entities, 'entity', 'entities')}, ${summary.filtered} filtered out, ${count(summary.errors, 'error')} (${count(summary.skipped, 'item')} skipped).`;
}
