import { readJqErrorMessage } from './check-expression.js';
import { excerpt } from './describe-value.js';
import { FieldHalt } from './field-halt.js';
import { readDiagnosticStderr, type FieldProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import { outputMismatch } from './output-mismatch.js';
import { serializeBatch } from './serialize-batch.js';

/**
 * Why jq stopped (`halt`, `halt_error`) on `inputs[index]` in a batch run: runs the diagnostic
 * program on that input alone, and the last expression it announced is the one that halted. Throws
 * `Internal` when the input alone maps fine or jq never started on it: then it was not the cause, and
 * `batchStderr` (the batch run's stderr) goes into the error's detail.
 */
export function locateHalt(engine: JqEngine, program: FieldProgram, inputs: readonly unknown[], index: number, batchStderr: string): FieldHalt {
  const run = engine.run(serializeBatch(inputs, index, index + 1), program.diagnosticText);
  const { lastFieldIndex, rest } = readDiagnosticStderr(run.stderr);
  const field = lastFieldIndex === undefined ? undefined : program.fields[lastFieldIndex];
  if (run.stdout !== '' || field === undefined) {
    throw outputMismatch(`jq stopped on item ${index} of a batch but not on the item alone`, `${batchStderr}\n${run.stderr}`);
  }
  const said = readJqErrorMessage(rest).replace(/\s*\n\s*/g, ' ');
  return new FieldHalt(field, `jq stopped on this item (halt or halt_error)${said === '' ? '' : `: ${excerpt(said)}`}`);
}
