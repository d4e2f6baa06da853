import type { ConfigPlace, ResourceConfig } from '../config/index.js';
import type { RawItem } from '../aws/index.js';
import { Aws2PortError } from '../errors/index.js';
import { assembleEntity, assemblyOf, type AssembleOptions } from './assemble-entity.js';
import { checkMappingExpressions } from './check-mapping-expressions.js';
import { DEFAULT_BATCH_SIZE } from './constants.js';
import { describeValue } from './describe-value.js';
import { compileFastExpression } from './fast-path/compile-fast-expression.js';
import { literalValueOf } from './fast-path/parse-jq.js';
import { JqFailure } from './fast-path/jq-failure.js';
import { jqType } from './fast-path/jq-values.js';
import { FieldGroup, type CompiledField } from './field-group.js';
import { FieldHalt } from './field-halt.js';
import type { JqEngine } from './jq-engine.js';
import { jqTimeBudgetMs } from './jq-time-budget.js';
import type { FieldEvaluation, MapBatchOptions, MapBatchResult, Mapper, MappingIssue } from './mapper.js';
import { listMappingFields, type MappingField, type MappingFields } from './mapping-fields.js';
import { wellFormedValue } from './well-formed-value.js';

/** The selector row of every unit when the selector is the literal `true`. */
const ALWAYS_SELECTED: readonly unknown[] = [true];

/** Options of compileMapper. */
export interface CompileMapperOptions {
  /** Items per jq run (a positive integer); default DEFAULT_BATCH_SIZE. WASM memory grows to the largest run and stays. */
  batchSize?: number;
  /** `--strict`: a jq runtime error in title, icon, team, a property or a relation skips the item (an issue that taints its scope) instead of nulling the field. */
  isStrict?: boolean;
  /** Longest one jq-wasm run may take, in milliseconds; default jqTimeBudgetMs() (the environment's, else DEFAULT_JQ_TIME_BUDGET_MS). An item that takes longer alone is skipped with an issue. */
  timeBudgetMs?: number;
  /** Evaluate every expression with jq-wasm, never on the JavaScript fast path: the reference the differential tests compare against. */
  isJqOnly?: boolean;
}

/**
 * Compiles a resource config's mapping once: every expression is checked by jq, then those the fast
 * path covers are compiled to JavaScript and the others into jq programs. Throws Aws2PortError
 * `JqCompileFailed` when any expression does not compile: its message names the first failing
 * expression's YAML path and line, its detail lists every failing expression with jq's message.
 */
export function compileMapper(resource: ResourceConfig, engine: JqEngine, options: CompileMapperOptions = {}): Mapper {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Aws2PortError('InvalidArgument', `The mapping batch size must be a positive integer, got ${batchSize}.`);
  }
  const runOptions = { batchSize, timeBudgetMs: options.timeBudgetMs ?? jqTimeBudgetMs() };
  const problems = checkMappingExpressions(resource, engine);
  const first = problems[0];
  if (first) {
    throw new Aws2PortError('JqCompileFailed', `${formatPlace(first.place)}: jq expression does not compile: ${firstLine(first.message)}`, {
      subject: first.place.path,
      detail: problems.map((problem) => `${formatPlace(problem.place)}:\n${problem.message}`).join('\n\n'),
    });
  }

  const fields = listMappingFields(resource);
  const evaluations: FieldEvaluation[] = [];
  const compile = (field: MappingField): CompiledField => {
    const result = options.isJqOnly
      ? { expression: null, reason: 'every expression runs on jq (isJqOnly)' }
      : compileFastExpression(field.expression.text, { isRegexAccepted: (pattern, flags) => isRegexAccepted(engine, pattern, flags) });
    evaluations.push({ field: field.field, jqReason: result.reason });
    return { field, fast: result.expression };
  };
  const selector = new FieldGroup(engine, [compile(fields.selector)], runOptions);
  // `true`, the usual selector, needs no evaluation per item.
  const isSelectorTrue = !options.isJqOnly && literalValueOf(fields.selector.expression.text) === true;
  const itemsToParse = fields.itemsToParse ? new FieldGroup(engine, [compile(fields.itemsToParse)], runOptions) : null;
  const entity = new FieldGroup(engine, fields.entity.map(compile), runOptions);
  const mapping: CompiledMapping = { resource, fields, selector: isSelectorTrue ? null : selector, itemsToParse, entity, assembly: assemblyOf(resource, fields.entity, options.isStrict ?? false) };
  return { resource, fields: evaluations, mapBatch: (items, batchOptions) => mapBatch(items, batchOptions ?? {}, mapping) };
}

/** A compiled mapping, as mapBatch uses it. */
interface CompiledMapping {
  resource: ResourceConfig;
  fields: MappingFields;
  /** null when the selector is the literal `true`. */
  selector: FieldGroup | null;
  itemsToParse: FieldGroup | null;
  entity: FieldGroup;
  assembly: AssembleOptions;
}

/**
 * Maps a batch in three passes over the whole batch (itemsToParse, selector, entity fields), each
 * with at most a few jq runs, then assembles the results item by item, in order.
 */
function mapBatch(items: readonly RawItem[], options: MapBatchOptions, mapping: CompiledMapping): MapBatchResult {
  const result: MapBatchResult = { entities: [], issues: [], filtered: 0 };
  const inputs = options.areStringsWellFormed ? items : items.map((item) => wellFormedValue(item));
  let itemIssues: Array<MappingIssue | undefined> = [];
  // A unit is what the selector and the entity fields see: an item, or an itemsToParse element of one.
  let units: readonly unknown[] = inputs;
  let unitItems: number[] | null = null;
  if (mapping.itemsToParse) ({ units, unitItems, itemIssues } = expandItems(inputs, mapping));

  const selectorRows = mapping.selector?.evaluate(units) ?? null;
  const selected: number[] = [];
  selectorRows?.forEach((row, unit) => {
    if (Array.isArray(row) && row[0] === true) selected.push(unit);
  });
  const entityRows = mapping.entity.evaluate(!selectorRows || selected.length === units.length ? units : selected.map((unit) => units[unit]));

  let entityRow = 0;
  let unit = 0;
  for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
    const itemIssue = itemIssues[itemIndex];
    if (itemIssue) result.issues.push(itemIssue);
    for (; unit < units.length && (unitItems ? unitItems[unit] : unit) === itemIndex; unit += 1) {
      const report = (field: MappingField, message: string, isItemSkipped: boolean, isScopeTainting: boolean) =>
        result.issues.push({ itemIndex, field: field.field, place: field.expression.place, message, isItemSkipped, isScopeTainting });
      const row = selectorRows ? selectorRows[unit]! : ALWAYS_SELECTED;
      const choice = row instanceof FieldHalt ? row : row[0];
      if (choice === true) {
        const mapped = assembleEntity(entityRows[entityRow++]!, mapping.assembly, report);
        if (mapped) result.entities.push({ itemIndex, blueprint: mapped.blueprint, entity: mapped.entity });
      } else if (choice === false) {
        result.filtered += 1;
      } else {
        const message = choice instanceof FieldHalt || choice instanceof JqFailure ? choice.message : `must yield a boolean, got ${describeValue(choice)}`;
        report(mapping.fields.selector, message, true, true);
      }
    }
  }
  return result;
}

/** Evaluates itemsToParse and turns each item into its units: the item plus `itemsToParseName: element`, per element. */
function expandItems(inputs: readonly unknown[], mapping: CompiledMapping): { units: unknown[]; unitItems: number[]; itemIssues: Array<MappingIssue | undefined> } {
  const field = mapping.fields.itemsToParse!;
  const name = mapping.resource.itemsToParseName;
  const units: unknown[] = [];
  const unitItems: number[] = [];
  const itemIssues: Array<MappingIssue | undefined> = [];
  const issue = (itemIndex: number, message: string, isScopeTainting: boolean) => {
    itemIssues[itemIndex] = { itemIndex, field: field.field, place: field.expression.place, message, isItemSkipped: true, isScopeTainting };
  };
  mapping.itemsToParse!.evaluate(inputs).forEach((row, itemIndex) => {
    const value = row instanceof FieldHalt ? row : row[0];
    if (value instanceof FieldHalt || value instanceof JqFailure) issue(itemIndex, value.message, true);
    else if (Array.isArray(value)) {
      for (const element of value) {
        units.push({ ...(inputs[itemIndex] as Record<string, unknown>), [name]: element });
        unitItems.push(itemIndex);
      }
    } else if (value !== null) issue(itemIndex, `must yield an array, got ${jqType(value)}`, false);
  });
  return { units, unitItems, itemIssues };
}

/** True when jq compiles `pattern` with `flags` (a regex is compiled when it runs, so this runs it once). */
function isRegexAccepted(engine: JqEngine, pattern: string, flags: string): boolean {
  return engine.run('""', `test(${JSON.stringify(pattern)}; ${JSON.stringify(flags)})`).exitCode === 0;
}

/** `resources[0].port.entity.mappings.identifier (line 14)`; no line for a default (line 0). */
function formatPlace(place: ConfigPlace): string {
  return place.line > 0 ? `${place.path} (line ${place.line})` : place.path;
}

/** The first line of jq's message, without the colon that announces its caret lines. */
function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').replace(/:$/, '');
}
