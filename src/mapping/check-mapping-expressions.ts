import type { ConfigPlace, ResourceConfig } from '../config/index.js';
import { checkExpression } from './check-expression.js';
import { NotInFastPath } from './fast-path/not-in-fast-path.js';
import { parseJq } from './fast-path/parse-jq.js';
import { embeddingCheckProgram } from './field-program.js';
import type { JqEngine } from './jq-engine.js';
import { allMappingFields, listMappingFields, type MappingField } from './mapping-fields.js';

/** A jq expression of the config that does not compile. */
export interface ExpressionProblem {
  /** `selector.query`, `identifier`, `properties.arn`... */
  field: string;
  /** Where the expression was written. */
  place: ConfigPlace;
  /** jq's message: several lines when jq reports several errors, each with its line, column and a caret. */
  message: string;
}

/**
 * Compiles every jq expression of a resource config with jq (never running it): every one that does
 * not compile, in evaluation order; empty when all do. Expressions the fast path's parser reads whole
 * (balanced, without `import` or `def`) are compiled together in one jq run, and one by one only when
 * that fails; the others one by one, alone and as a mapping embeds them.
 */
export function checkMappingExpressions(resource: ResourceConfig, engine: JqEngine): ExpressionProblem[] {
  const fields = allMappingFields(listMappingFields(resource));
  const whole = fields.filter((field) => isWholeExpression(field.expression.text));
  const areWholeFine = whole.length > 0 && checkExpression(engine, `[${whole.map((field) => `(${field.expression.text}\n\n)`).join(',\n')}]`) === null;
  return fields.flatMap((field) => {
    const isWhole = whole.includes(field);
    if (isWhole && areWholeFine) return [];
    const problem = checkOne(engine, field, isWhole);
    return problem === null ? [] : [{ field: field.field, place: field.expression.place, message: problem }];
  });
}

/**
 * One expression: alone first, for jq's positions within the user's own text; then embedded, which
 * alone cannot prove (e.g. `import`, only allowed at the top of a program), unless it is whole.
 */
function checkOne(engine: JqEngine, field: MappingField, isWhole: boolean): string | null {
  const alone = checkExpression(engine, field.expression.text);
  if (alone !== null) return alone;
  if (isWhole) return null;
  const embedded = checkExpression(engine, embeddingCheckProgram(field.expression.text));
  return embedded === null ? null : `it does not compile inside a mapping: ${embedded}`;
}

/** True when the fast path's parser reads `text` whole as one expression, which embeds safely. */
function isWholeExpression(text: string): boolean {
  try {
    parseJq(text);
    return true;
  } catch (error) {
    if (error instanceof NotInFastPath) return false;
    throw error;
  }
}
