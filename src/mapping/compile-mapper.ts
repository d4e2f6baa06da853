import type { ConfigPlace, ResourceConfig } from '../config/types.js';
import type { RawItem } from '../aws/raw-item.js';
import { Aws2PortError } from '../errors/index.js';
import { checkExpression } from './check-expression.js';
import { DEFAULT_BATCH_SIZE } from './constants.js';
import { describeJqError, excerpt } from './describe-value.js';
import type { JqEngine } from './jq-engine.js';
import { locateHalt } from './locate-halt.js';
import { outputMismatch } from './output-mismatch.js';
import type { MapBatchResult, Mapper } from './mapper.js';
import { buildMappingProgram, embeddingCheckProgram, type MappingProgram } from './mapping-program.js';
import { readEntityRow } from './read-entity-row.js';
import { serializeBatch } from './serialize-batch.js';

/** Options of compileMapper. */
export interface CompileMapperOptions {
  /** Items per jq run (a positive integer); default DEFAULT_BATCH_SIZE. WASM memory grows to the largest run and stays. */
  batchSize?: number;
}

/**
 * Compiles a resource config's jq expressions into one program, checked once here. Throws
 * Aws2PortError `JqCompileFailed` when any expression does not compile: its message names the first
 * failing expression's YAML path and line, its detail lists every failing expression with jq's message.
 */
export function compileMapper(resource: ResourceConfig, engine: JqEngine, options: CompileMapperOptions = {}): Mapper {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Aws2PortError('InvalidArgument', `The mapping batch size must be a positive integer, got ${batchSize}.`);
  }
  const program = buildMappingProgram(resource);
  const failures = program.expressions.flatMap(({ expression }) => {
    // Alone first, for jq's positions within the user's own text; then embedded, which alone cannot
    // prove (e.g. `import`, only allowed at the top of a program).
    const alone = checkExpression(engine, expression.text);
    const embedded = alone ?? checkExpression(engine, embeddingCheckProgram(expression.text));
    if (embedded === null) return [];
    const message = alone ?? `it does not compile inside a mapping: ${embedded}`;
    return [{ place: expression.place, message }];
  });
  const first = failures[0];
  if (first) {
    throw new Aws2PortError('JqCompileFailed', `${formatPlace(first.place)}: jq expression does not compile: ${firstLine(first.message)}`, {
      subject: first.place.path,
      detail: failures.map((failure) => `${formatPlace(failure.place)}:\n${failure.message}`).join('\n\n'),
    });
  }
  const combinedProblem = checkExpression(engine, program.text);
  if (combinedProblem !== null) {
    throw new Aws2PortError('Internal', `The mapping of ${resource.kind} does not compile although each expression does.`, {
      source: 'internal',
      detail: combinedProblem,
    });
  }
  return {
    resource,
    mapBatch: (items) => {
      const result: MapBatchResult = { entities: [], issues: [], filtered: 0 };
      for (let from = 0; from < items.length; from += batchSize) {
        mapRun(engine, program, resource, items, from, Math.min(from + batchSize, items.length), result);
      }
      return result;
    },
  };
}

/**
 * Maps `items[from..to)` in one jq run, appending to `result`. jq prints one line per item unless an
 * expression halts (`halt`, `halt_error`): then the item it stopped on is skipped with an issue and the
 * run resumes after it.
 */
function mapRun(
  engine: JqEngine,
  program: MappingProgram,
  resource: ResourceConfig,
  items: readonly RawItem[],
  from: number,
  to: number,
  result: MapBatchResult,
): void {
  let start = from;
  while (start < to) {
    const run = engine.run(serializeBatch(items, start, to), program.text);
    const lines = run.stdout === '' ? [] : run.stdout.replace(/\n$/, '').split('\n');
    if (lines.length > to - start) {
      throw outputMismatch(`jq printed ${lines.length} lines for ${to - start} items`, run.stderr);
    }
    lines.forEach((line, offset) => readItemLine(line, start + offset, program, resource, result));
    start += lines.length;
    if (start < to) {
      result.issues.push(locateHalt(engine, program, items, start, run.stderr));
      start += 1;
    }
  }
}

/** Reads the line the mapping program printed for one item (see MappingProgram for its shapes). */
function readItemLine(line: string, itemIndex: number, program: MappingProgram, resource: ResourceConfig, result: MapBatchResult): void {
  let output: unknown;
  try {
    // Integers beyond 2^53 that jq prints exactly are rounded to the nearest double here.
    output = JSON.parse(line);
  } catch (cause) {
    throw outputMismatch('jq printed a line that is not JSON', excerpt(line), cause);
  }
  if (!resource.itemsToParse) {
    readRow(output, itemIndex, program, resource, result);
    return;
  }
  const [status, rows] = Array.isArray(output) ? output : [];
  const itemsToParse = program.expressions[1]!;
  const report = (message: string) =>
    result.issues.push({ itemIndex, field: itemsToParse.field, place: itemsToParse.expression.place, message, isItemSkipped: true });
  if (status === true && Array.isArray(rows)) {
    for (const row of rows) readRow(row, itemIndex, program, resource, result);
  } else if (status !== null && typeof status === 'object' && 'error' in status) {
    report(describeJqError(status.error));
  } else if (typeof status === 'string') {
    if (status !== 'null') report(`must yield an array, got ${status}`);
  } else {
    throw outputMismatch('jq printed an itemsToParse line of an unexpected shape', excerpt(line));
  }
}

function readRow(row: unknown, itemIndex: number, program: MappingProgram, resource: ResourceConfig, result: MapBatchResult): void {
  const outcome = readEntityRow(row, itemIndex, program, resource, result.issues);
  if (outcome.kind === 'filtered') result.filtered += 1;
  else if (outcome.kind === 'mapped') result.entities.push({ itemIndex, blueprint: outcome.blueprint, entity: outcome.entity });
}

/** `resources[0].port.entity.mappings.identifier (line 14)`; no line for a default (line 0). */
function formatPlace(place: ConfigPlace): string {
  return place.line > 0 ? `${place.path} (line ${place.line})` : place.path;
}

/** The first line of jq's message, without the colon that announces its caret lines. */
function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').replace(/:$/, '');
}
