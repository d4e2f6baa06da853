import { MAX_BATCH_JSON_LENGTH, MAX_ITEM_JSON_LENGTH } from './constants.js';
import { JqFailure } from './fast-path/jq-failure.js';
import { describeJqError, excerpt } from './describe-value.js';
import { FieldHalt } from './field-halt.js';
import { buildFieldProgram, type FieldProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import { locateHalt } from './locate-halt.js';
import { outputMismatch } from './output-mismatch.js';
import { serializeBatch, serializeInput } from './serialize-batch.js';
import type { JqRunFailure } from './terminable-jq.js';
import { valueLimitProblem } from './value-limit-problem.js';

/**
 * What evaluating some fields gave for one input: one slot per field, each the field's value (null
 * when it yielded nothing) or a JqFailure with jq's message; or a FieldHalt when jq could not
 * evaluate the input (it halted, crashed or ran out of time on it, or the input is beyond the limits).
 */
export type FieldRow = unknown[] | FieldHalt;

/** How runFieldProgram runs jq. */
export interface FieldRunOptions {
  /** Most inputs per jq run. */
  batchSize: number;
  /** Longest a jq run may take, in milliseconds (see DEFAULT_JQ_TIME_BUDGET_MS). */
  timeBudgetMs: number;
}

/**
 * Runs `program` over `inputs`, at most `batchSize` inputs per jq run: one row per input, in order.
 * Each input is on its own: one that jq halts, crashes or runs out of time on, or that is beyond the
 * limits (MAX_VALUE_DEPTH, MAX_ITEM_JSON_LENGTH), gets a FieldHalt, and every other input the row it
 * would have had in a run of its own. After a crash or a timeout, jq is a fresh one.
 */
export function runFieldProgram(engine: JqEngine, program: FieldProgram, inputs: readonly unknown[], options: FieldRunOptions): FieldRow[] {
  const rows: FieldRow[] = new Array(inputs.length);
  const texts: string[] = [];
  const positions: number[] = [];
  inputs.forEach((input, index) => {
    const problem = valueLimitProblem(input);
    const text = problem === null ? serializeInput(input) : '';
    if (problem !== null) rows[index] = new FieldHalt(program.fields[0]!, `the item ${problem}`);
    else if (text.length > MAX_ITEM_JSON_LENGTH) {
      rows[index] = new FieldHalt(program.fields[0]!, `the item is ${text.length} characters of JSON, more than the limit of ${MAX_ITEM_JSON_LENGTH} (jq-wasm's memory holds a whole batch)`);
    } else {
      texts.push(text);
      positions.push(index);
    }
  });
  const batch = new BatchRun(engine, program, texts, options.timeBudgetMs, (position, row) => (rows[positions[position]!] = row));
  for (let from = 0; from < texts.length; ) {
    let to = from + 1;
    let length = texts[from]!.length;
    for (; to < texts.length && to - from < options.batchSize && length + texts[to]!.length <= MAX_BATCH_JSON_LENGTH; to += 1) length += texts[to]!.length + 1;
    batch.run(from, to);
    from = to;
  }
  return rows;
}

/** Runs a field program over ranges of input texts, handing each input's row to `put`. */
class BatchRun {
  constructor(
    private readonly engine: JqEngine,
    private readonly program: FieldProgram,
    private readonly texts: readonly string[],
    private readonly budgetMs: number,
    private readonly put: (position: number, row: FieldRow) => void,
  ) {}

  /**
   * Rows for `texts[from..to)`. When jq halts, the halting input gets a FieldHalt and the run resumes
   * after it. When it crashes, the range is halved until the inputs that crash it are alone (a crash
   * is quick); when it runs out of time, each input runs alone (each timeout costs the whole budget).
   */
  run(from: number, to: number): void {
    let start = from;
    while (start < to) {
      const run = this.engine.evaluate(serializeBatch(this.texts, start, to), this.program.text, this.budgetMs);
      if ('failure' in run) {
        if (to - start === 1) this.put(start, this.failedAlone(start, run));
        else if (run.failure === 'crash') {
          const middle = start + Math.ceil((to - start) / 2);
          this.run(start, middle);
          this.run(middle, to);
        } else {
          for (let position = start; position < to; position += 1) this.run(position, position + 1);
        }
        return;
      }
      const lines = run.stdout === '' ? [] : run.stdout.replace(/\n$/, '').split('\n');
      if (lines.length > to - start) throw outputMismatch(`jq printed ${lines.length} lines for ${to - start} items`, run.stderr);
      for (const line of lines) this.put(start++, readRow(line, this.program));
      if (start < to) {
        this.put(start, locateHalt(this.engine, this.program, this.texts[start]!, run.stderr, this.budgetMs));
        start += 1;
      }
    }
  }

  /** The halt of an input on which the program crashed or ran out of time alone: names the first field that does so alone. */
  private failedAlone(position: number, failure: JqRunFailure): FieldHalt {
    const { fields } = this.program;
    let culprit = fields[0]!;
    let found = failure;
    if (fields.length > 1) {
      for (const field of fields) {
        const run = this.engine.evaluate(`[${this.texts[position]!}]`, buildFieldProgram([field]).text, this.budgetMs);
        if ('failure' in run) {
          culprit = field;
          found = run;
          break;
        }
      }
    }
    const what = found.failure === 'timeout' ? `${found.message} on this item` : `jq-wasm crashed on this item (${excerpt(found.message)}); a fresh jq maps the next items`;
    return new FieldHalt(culprit, what);
  }
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
