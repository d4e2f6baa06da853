import { visit, type Document, type LineCounter } from 'yaml';
import type { ConfigProblem } from './config-problem.js';

/**
 * The aliases (`*name`) of a document that cannot be read as a value, as problems at their line: one
 * that names no anchor written before it, and one inside the very value its anchor names (a value
 * that contains itself, which no setting can hold and JSON cannot write).
 */
export function aliasProblems(document: Document.Parsed, lineCounter: LineCounter, file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  visit(document, {
    Alias(_key, alias, ancestors) {
      const target = alias.resolve(document);
      const message = !target
        ? `*${alias.source} names no anchor: an alias must follow an &${alias.source} written before it. Define the anchor first, or write the value here.`
        : ancestors.includes(target)
          ? `*${alias.source} is inside the value its anchor &${alias.source} names, so that value would contain itself. Write the value out instead.`
          : undefined;
      if (message) problems.push({ code: 'ConfigInvalid', message, path: '', line: alias.range ? lineCounter.linePos(alias.range[0]).line : 1, file });
    },
  });
  return problems;
}
