import { JqFailure } from './fast-path/jq-failure.js';
import { describeJqError, excerpt } from './describe-value.js';
import type { FieldHalt } from './field-halt.js';
import type { FieldProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import { locateHalt } from './locate-halt.js';
import { outputMismatch } from './output-mismatch.js';
import { serializeBatch } from './serialize-batch.js';

/**
 * What evaluating some fields gave for one input: one slot per field, each the field's value (null
 * when it yielded nothing) or a JqFailure with jq's message; or a FieldHalt when jq stopped on it.
 */
export type FieldRow = unknown[] | FieldHalt;

/**
 * Runs `program` over `inputs`, at most `batchSize` inputs per jq run: one row per input, in order.
 * When an expression halts jq, the input it stopped on gets a FieldHalt and the run resumes after it.
 */
export function runFieldProgram(engine: JqEngine, program: FieldProgram, inputs: readonly unknown[], batchSize: number): FieldRow[] {
  const rows: FieldRow[] = [];
  for (let from = 0; from < inputs.length; from += batchSize) {
    const to = Math.min(from + batchSize, inputs.length);
    let start = from;
    while (start < to) {
      const run = engine.run(serializeBatch(inputs, start, to), program.text);
      const lines = run.stdout === '' ? [] : run.stdout.replace(/\n$/, '').split('\n');
      if (lines.length > to - start) throw outputMismatch(`jq printed ${lines.length} lines for ${to - start} items`, run.stderr);
      for (const line of lines) rows.push(readRow(line, program));
      start += lines.length;
      if (start < to) {
        rows.push(locateHalt(engine, program, inputs, start, run.stderr));
        start += 1;
      }
    }
  }
  return rows;
}

/** Reads one printed line: `[[v] | [] | {"error": e}, ...]`. */
function readRow(line: string, program: FieldProgram): unknown[] {
  let output: unknown;
  try {
    // Integers beyond 2^53 that jq prints exactly are rounded to the nearest double here.
    output = JSON.parse(line);
  } catch (cause) {
    throw outputMismatch('jq printed a line that is not JSON', excerpt(line), cause);
  }
  if (!Array.isArray(output) || output.length !== program.fields.length) throw outputMismatch('jq printed a row of an unexpected shape', excerpt(line));
  return output.map((slot) => {
    if (Array.isArray(slot)) return slot.length === 0 ? null : slot[0];
    if (slot !== null && typeof slot === 'object' && 'error' in slot) return new JqFailure(describeJqError(slot.error));
    throw outputMismatch('jq printed a field of an unexpected shape', excerpt(JSON.stringify(slot)));
  });
}
