import type { JsonGenerator } from './generate-json.js';

const ATOMS = ['.', '.a', '.b', '.c', '.a.b', '.[0]', '.a[0]', '.a[]?', '.[]?', '.a?', '.["b"]', '.key', '.Value', '1', '0', '-2', '0.5', '"a"', '"x.y"', '""', 'null', 'true', 'false', '[]', '{}'];
const OPERATORS = ['+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '//', '|', ','];
const FILTERS = [
  'length', 'keys', 'keys_unsorted', 'tostring', 'tojson', 'type', 'not', 'ascii_downcase', 'ascii_upcase', 'add', 'first', 'last', 'to_entries', 'from_entries', 'values', 'tonumber',
  'split(",")', 'split("")', 'join("-")', 'join(", ")', 'test("a")', 'test("^[a-z.]+$")', 'test("A"; "i")', 'capture("(?<x>[a-z])(?<y>\\\\.)?")', 'sub("a"; "b")', 'gsub("[ab]"; "x")',
  'sub("(?<l>[a-z]+)"; "\\(.l | ascii_upcase)")', 'ltrimstr("a")', 'rtrimstr("c")', 'startswith("a")', 'endswith("b")', 'has("a")', 'has(0)', 'empty',
];

/**
 * Random jq expressions over the fast path's constructs, written without unneeded parentheses so
 * that jq's precedences decide their meaning (a test of the parser as much as of the evaluation).
 */
export function generateExpression(json: JsonGenerator, depth: number, variables: readonly string[] = []): string {
  if (depth <= 0 || json.chance(0.2)) return atom(json, variables);
  const next = () => generateExpression(json, depth - 1, variables);
  const term = () => `(${next()})`;
  switch (Math.floor(json.chance(1) ? json.pick([...Array(14).keys()]) : 0)) {
    case 0:
    case 1:
      return `${next()} ${json.pick(OPERATORS)} ${next()}`;
    case 2:
      return `${next()} | ${json.pick(FILTERS)}`;
    case 3:
      return `[${next()}]`;
    case 4:
      return `{a: ${term()}, (${next()} | tostring): ${atom(json, variables)}}`;
    case 5:
      return json.chance(0.5) ? `if ${next()} then ${next()} else ${next()} end` : `if ${next()} then ${next()} end`;
    case 6:
      return json.chance(0.5) ? `try ${term()}` : json.chance(0.5) ? `${term()}?` : `try ${term()} catch ${atom(json, variables)}`;
    case 7:
      return `${json.pick(['select', 'map', 'first'])}(${next()})`;
    case 8: {
      const name = `v${variables.length}`;
      return `${term()} as $${name} | ${generateExpression(json, depth - 1, [...variables, name])}`;
    }
    case 9:
      return `-${term()}`;
    case 10:
      return `"s\\(${next()})t"`;
    case 11:
      return `${term()}${json.pick(['.a', '[0]', '[]?', '.b?', '[.a]'])}`;
    case 12:
      return `not`;
    default:
      return `(${next()})`;
  }
}

function atom(json: JsonGenerator, variables: readonly string[]): string {
  if (variables.length > 0 && json.chance(0.3)) return `$${json.pick(variables)}`;
  return json.pick(ATOMS);
}
