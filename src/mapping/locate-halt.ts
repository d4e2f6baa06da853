import { readJqErrorMessage } from './check-expression.js';
import { excerpt } from './describe-value.js';
import { FieldHalt } from './field-halt.js';
import { readDiagnosticStderr, type FieldProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import { outputMismatch } from './output-mismatch.js';

/**
 * Why jq stopped (`halt`, `halt_error`) on the input whose JSON is `text`: runs the diagnostic
 * program on that input alone, and the last expression it announced is the one that halted. Throws
 * `Internal` when the input alone maps fine or jq never started on it: then it was not the cause, and
 * `batchStderr` (the batch run's stderr) goes into the error's detail.
 */
export function locateHalt(engine: JqEngine, program: FieldProgram, text: string, batchStderr: string, budgetMs: number): FieldHalt {
  const run = engine.evaluate(`[${text}]`, program.diagnosticText, budgetMs);
  if ('failure' in run) return new FieldHalt(program.fields[0]!, run.message);
  const { lastFieldIndex, rest } = readDiagnosticStderr(run.stderr);
  const field = lastFieldIndex === undefined ? undefined : program.fields[lastFieldIndex];
  if (run.stdout !== '' || field === undefined) {
    throw outputMismatch('jq stopped on an item of a batch but not on the item alone', `${batchStderr}\n${run.stderr}`);
  }
  const said = readJqErrorMessage(rest).replace(/\s*\n\s*/g, ' ');
  return new FieldHalt(field, `jq stopped on this item (halt or halt_error)${said === '' ? '' : `: ${excerpt(said)}`}`);
}
