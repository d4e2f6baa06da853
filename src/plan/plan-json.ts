import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PlannedChanges, type StateDatabase } from '../../state/index.js';
import { Aws2PortError, fileReadProblem } from '../errors/index.js';
import { PLAN_FORMAT_VERSION, type PlanDocument, type ResourceChange } from './plan-document.js';
import { resourceChangeJson, type Plan, type PlanHeader } from './plan.js';
import { ChunkedWriter } from './text-sink.js';
import type { OutputSink } from '../model/index.js';

/** The line that opens the changes list in a plan file: the header's JSON continues with it. */
const CHANGES_OPEN = '"resource_changes":[';
/** Rows read from a plan file per insert transaction. */
const LOAD_BATCH = 1000;

/**
 * Writes the plan as its JSON document, streamed: the header's fields on the first line, then one change
 * per line, then the rest. The whole is one valid JSON document (`plan --json`), and its line layout
 * lets `readPlanFile` load a plan of any size without holding it in memory.
 */
export async function writePlanJson(plan: Plan, sink: OutputSink): Promise<void> {
  const writer = new ChunkedWriter(sink);
  const { format_version, lineage, serial, config_hash, targets, complete, owner_moves, ...others } = plan.header;
  // Owner moves are listed only when there are some: a plan without them is the documented document.
  const rest = owner_moves.length > 0 ? { ...others, owner_moves } : others;
  const head = JSON.stringify({ format_version, lineage, serial, config_hash, targets, complete });
  await writer.write(`${head.slice(0, -1)},${CHANGES_OPEN}\n`);
  let isFirst = true;
  for (const change of plan.changes.all()) {
    await writer.write(`${isFirst ? '' : ',\n'}${resourceChangeJson(change)}`);
    isFirst = false;
  }
  await writer.write(`\n],${JSON.stringify(rest).slice(1)}\n`);
  await writer.flush();
}

/**
 * Reads a saved plan into a change table beside the state (`db`). Reads the layout `writePlanJson`
 * writes line by line; any other valid plan document (one JSON text) is read whole.
 */
export async function readPlanFile(file: string, db: StateDatabase): Promise<Plan> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const changes = new PlannedChanges(db);
  try {
    const first = await iterator.next();
    const firstLine = first.done ? '' : first.value;
    if (!firstLine.endsWith(CHANGES_OPEN)) {
      let text = firstLine;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += `\n${next.value}`;
      const document = parseDocument(text, file);
      changes.insert(document.resource_changes.map(rowOf));
      return { header: headerOf(document, file), changes };
    }
    const headStart = firstLine.slice(0, -CHANGES_OPEN.length);
    let batch: ResourceChange[] = [];
    let tail = '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (line.startsWith('],')) {
        tail = line.slice(1);
        break;
      }
      // A plan with no changes has an empty line between the list's opening and its end
      if (line === '') continue;
      batch.push(parseJson<ResourceChange>(line.endsWith(',') ? line.slice(0, -1) : line, file));
      if (batch.length >= LOAD_BATCH) {
        changes.insert(batch.map(rowOf));
        batch = [];
      }
    }
    changes.insert(batch.map(rowOf));
    const header = parseJson<PlanDocument>(`${headStart}${CHANGES_OPEN}]${tail}`, file);
    return { header: headerOf(header, file), changes };
  } catch (error) {
    changes.close();
    // A system error of reading the file (missing, a folder, unreadable); anything else is thrown as it is.
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw new Aws2PortError('PlanFileInvalid', `Cannot read the plan file ${file}: ${fileReadProblem(error)}.`, {
      detail: 'Pass a file written by `aws2port plan --out FILE`.',
      subject: file,
      cause: error,
    });
  } finally {
    lines.close();
  }
}

/** Loads a plan held as a document (small plans: watch, tests) into a change table beside the state. */
export function planFromDocument(document: PlanDocument, db: StateDatabase): Plan {
  const changes = new PlannedChanges(db);
  changes.insert(document.resource_changes.map(rowOf));
  const { resource_changes: _changes, ...header } = document;
  return { header: { ...header, owner_moves: header.owner_moves ?? [] }, changes };
}

function rowOf(change: ResourceChange) {
  return {
    action: change.action,
    blueprint: change.blueprint,
    identifier: change.identifier,
    kind: change.scope.kind,
    account: change.scope.account,
    region: change.scope.region,
    aws_identifier: change.aws_identifier,
    before_body: change.before === null ? null : JSON.stringify(change.before),
    after_body: change.after === null ? null : JSON.stringify(change.after),
    reason: change.reason ?? null,
  };
}

function parseDocument(text: string, file: string): PlanDocument {
  const document = parseJson<PlanDocument>(text, file);
  if (!Array.isArray(document?.resource_changes)) throw notAPlan(file, document?.format_version);
  return document;
}

function headerOf(document: PlanDocument, file: string): PlanHeader {
  if (document?.format_version !== PLAN_FORMAT_VERSION) throw notAPlan(file, document?.format_version);
  const { resource_changes: _changes, ...header } = document;
  // Plans saved before unread items and value refusals were reported have none.
  return { ...header, unread_items: header.unread_items ?? [], value_refusals: header.value_refusals ?? [], owner_moves: header.owner_moves ?? [] };
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Aws2PortError('PlanFileInvalid', `Cannot read the plan file ${file}: it is not a plan written by aws2port.`, {
      detail: 'Pass a file written by `aws2port plan --out FILE`.',
      subject: file,
      cause: error,
    });
  }
}

function notAPlan(file: string, version: unknown): Aws2PortError {
  return new Aws2PortError('PlanFileInvalid', `${file} is not a plan of this aws2port (format ${String(version)}, expected ${PLAN_FORMAT_VERSION}).`, {
    detail: 'Run `aws2port plan --out FILE` again with this version.',
    subject: file,
  });
}
