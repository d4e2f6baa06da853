import type { RawItem } from '../aws/raw-item.js';
import { readJqErrorMessage } from './check-expression.js';
import { excerpt } from './describe-value.js';
import type { JqEngine } from './jq-engine.js';
import type { MappingIssue } from './mapper.js';
import { readDiagnosticStderr, type MappingProgram } from './mapping-program.js';
import { outputMismatch } from './output-mismatch.js';
import { serializeBatch } from './serialize-batch.js';

/**
 * The issue for an item on which jq stopped (`halt`, `halt_error`) in a batch run: runs the
 * diagnostic program on that item alone, and the last expression it announced is the one that halted.
 * Throws `Internal` when the item alone maps fine or jq never started on it: then the item was not the
 * cause, and `batchStderr` (the batch run's stderr) goes into the error's detail.
 */
export function locateHalt(
  engine: JqEngine,
  program: MappingProgram,
  items: readonly RawItem[],
  itemIndex: number,
  batchStderr: string,
): MappingIssue {
  const run = engine.run(serializeBatch(items, itemIndex, itemIndex + 1), program.diagnosticText);
  const { lastExpressionIndex, rest } = readDiagnosticStderr(run.stderr);
  const expression = lastExpressionIndex === undefined ? undefined : program.expressions[lastExpressionIndex];
  if (run.stdout !== '' || expression === undefined) {
    throw outputMismatch(`jq stopped on item ${itemIndex} of a batch but not on the item alone`, `${batchStderr}\n${run.stderr}`);
  }
  const said = readJqErrorMessage(rest).replace(/\s*\n\s*/g, ' ');
  return {
    itemIndex,
    field: expression.field,
    place: expression.expression.place,
    message: `jq stopped on this item (halt or halt_error)${said === '' ? '' : `: ${excerpt(said)}`}`,
    isItemSkipped: true,
  };
}
