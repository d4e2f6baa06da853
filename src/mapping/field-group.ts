import { Aws2PortError } from '../errors/index.js';
import { checkExpression } from './check-expression.js';
import type { FastExpression } from './fast-path/compile-fast-expression.js';
import { JqFailure, NOT_PROVEN } from './fast-path/jq-failure.js';
import { buildFieldProgram, type FieldProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import type { MappingField } from './mapping-fields.js';
import { runFieldProgram, type FieldRow, type FieldRunOptions } from './run-field-program.js';

/** A field and its fast-path compilation (null when it runs on jq). */
export interface CompiledField {
  field: MappingField;
  fast: FastExpression | null;
}

/**
 * Fields evaluated together over the same inputs (a selector; itemsToParse; an entity's fields):
 * fast fields in JavaScript, the others in one jq program per batch run. An input on which a fast
 * field meets something it cannot prove equal to jq has all its fields evaluated by jq instead.
 */
export class FieldGroup {
  private readonly fastPositions: number[] = [];
  private readonly jqPositions: number[] = [];
  private readonly jqProgram: FieldProgram | null;
  private everyFieldProgram: FieldProgram | null = null;

  constructor(
    private readonly engine: JqEngine,
    private readonly fields: readonly CompiledField[],
    private readonly runOptions: FieldRunOptions,
  ) {
    fields.forEach((compiled, position) => (compiled.fast ? this.fastPositions : this.jqPositions).push(position));
    this.jqProgram = this.jqPositions.length === 0 ? null : this.checked(buildFieldProgram(this.jqPositions.map((position) => fields[position]!.field)));
  }

  /** One row per input, in order: a slot per field (in the group's order), or the halt that stopped jq. */
  evaluate(inputs: readonly unknown[]): FieldRow[] {
    const rows: FieldRow[] = new Array(inputs.length);
    const notProven: number[] = [];
    const jqInputs: number[] = [];
    for (let index = 0; index < inputs.length; index += 1) {
      const row = this.evaluateFast(inputs[index]);
      if (row === null) notProven.push(index);
      else {
        rows[index] = row;
        if (this.jqProgram) jqInputs.push(index);
      }
    }
    if (this.jqProgram && jqInputs.length > 0) {
      const jqRows = runFieldProgram(this.engine, this.jqProgram, jqInputs.map((index) => inputs[index]), this.runOptions);
      jqInputs.forEach((index, position) => {
        const jqRow = jqRows[position]!;
        if (!Array.isArray(jqRow)) rows[index] = jqRow;
        else this.jqPositions.forEach((fieldPosition, slot) => ((rows[index] as unknown[])[fieldPosition] = jqRow[slot]));
      });
    }
    if (notProven.length > 0) {
      const everyFieldRows = runFieldProgram(this.engine, this.everyFieldProgramOf(), notProven.map((index) => inputs[index]), this.runOptions);
      notProven.forEach((index, position) => (rows[index] = everyFieldRows[position]!));
    }
    return rows;
  }

  /** The fast fields' slots for one input (jq fields left empty), or null when jq must evaluate it. */
  private evaluateFast(input: unknown): unknown[] | null {
    const row: unknown[] = new Array(this.fields.length);
    for (const position of this.fastPositions) {
      try {
        row[position] = this.fields[position]!.fast!.first(input);
      } catch (error) {
        if (error instanceof JqFailure) row[position] = error;
        // Too deep for JavaScript's stack (jq's own limits differ): jq decides.
        else if (error === NOT_PROVEN || error instanceof RangeError) return null;
        else throw error;
      }
    }
    return row;
  }

  private everyFieldProgramOf(): FieldProgram {
    this.everyFieldProgram ??= this.checked(buildFieldProgram(this.fields.map((compiled) => compiled.field)));
    return this.everyFieldProgram;
  }

  /** `program`, once jq has compiled it (each expression compiled alone already: a failure here is a bug). */
  private checked(program: FieldProgram): FieldProgram {
    const problem = checkExpression(this.engine, program.text);
    if (problem !== null) {
      throw new Aws2PortError('Internal', `The mapping program of ${program.fields.map((field) => field.field).join(', ')} does not compile although each expression does.`, {
        source: 'internal',
        detail: problem,
      });
    }
    return program;
  }
}
