import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadJqEngine } from '../../../src/mapping/index.js';
import { seededRandom } from '../builders.js';
import { compileFastStream } from './fast-streams.js';
import { JsonGenerator } from './generate-json.js';
import { runJqStreams } from './jq-reference.js';

const engine = await loadJqEngine();

/** Every construct of the fast path, each in several expressions, grouped as the docs list them. */
const CONSTRUCTS: Record<string, string[]> = {
  'paths and optional paths': [
    '.', '.a', '.a.b', '.a.b.c', '.a?', '.a.b?', '.a?.b', '.["a"]', '."a"', '.a["b"]', '.a."b"?', '.a[0]', '.a[-1]', '.a[1]', '.[0]', '.a.[0]',
    '.a[.b]', '.a[.b]?', '.constructor', '.["__proto__"]', '.a[]', '.a[]?', '.[]', '.[]?', '.a[]?.b', '.a[][]?', '.a[0]?',
  ],
  literals: ['1', '-3', '0.5', '"x"', '"a\\u00e9\\t\\"q\\""', 'null', 'true', 'false', '[]', '[1, "a", null]', '{}', '{"k": 1, "l": [true]}'],
  'addition and other arithmetic': [
    '.a + .b', '.a + "x"', '"x" + .a', '.a + 1', '1 + .a', '.a + null', 'null + .a', '.a + [1]', '.a + {"z": 1}', '.a + .a', '.b + .c + .a',
    '.a - .b', '.a - 1', '.a - ["a"]', '.a * 2', '.a * .b', '.a / 2', '.a / .b', '-.a', '-(.a + 1)', '.a + 1 - 2 * 3', '-1 + .a * 2', '1 / 3', '.a * -1',
  ],
  comparisons: ['.a == .b', '.a != "x"', '.a < .b', '.a <= 1', '.a > "m"', '.a >= []', '.a == null', '.a < {}', '.b > .a', '[.a < .b, .a == .a]', '.a == 1.5'],
  'and, or, not': ['.a and .b', '.a or .b', '.a | not', '(.a, .b) and .c', '.a and (.b, .c)', '(.a, null) or (.b, false)', 'not', '.a == null or .b'],
  alternative: ['.a // .b', '.a // "d"', '(.a, .b) // 1', '.a.b // 2', '.a[]? // "none"', 'empty // .a', '(null, false) // (.a, .b)', '.a // .b // .c'],
  select: ['select(.a)', 'select(.a == "x") | .b', '.a[]? | select(type == "string")', 'select(.a, .b)', '[.[]? | select(. != null)]', '.a | values', 'select(empty)'],
  'if then else': ['if .a then .b else .c end', 'if .a == null then 1 elif .b then 2 end', 'if (.a, .b) then 1 else 2 end', 'if .a then .b end', '[if .a then (1, 2) else 3 end]'],
  'try and ?': ['try .a.b', 'try .a.b catch .', '(.a | tonumber)?', '[.a[]?, .b]', '[(1, .a.b, 2)?]', '(try .a.b) | length', 'try (.a | keys) catch length'],
  'test, capture, sub, gsub': [
    '.a | test("a")', '.a | test("^[a-z]+$")', '.a | test("\\\\d")', '.a | test("\\\\w+")', '.a | test("\\\\bb")', '.a | test("x"; "i")', '.a | test("É"; null)',
    '.a | test("\\\\s")', '.a | test("[^a-c]")', '.a | test("[-.]")', '.a | test("a$")', '.a | test("^$")', '.a | test("\\\\.")', '.a | test("(?:ab)+")',
    '.a | capture("(?<x>[a-z]+)")', '.a | capture("(?<x>.)(?<y>.)?")', '[.a | capture("(?<c>[aeiou])"; "g")]', '.a | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
    '.a | capture("(?<n>\\\\d+)") | .n', '.a | sub("a"; "b")', '.a | sub("(?<x>[a-z])"; "<\\(.x)>")', '.a | gsub("[aeiou]"; "")', '.a | gsub("(?<v>[aeiou])"; "\\(.v | ascii_upcase)")',
    '.a | sub("$"; "!")', '.a | gsub(""; "-")', '.a | gsub("x*"; "-")', '.a | sub(" "; "T")', '.a | gsub("\\\\s+"; " ")', '.a | sub("a"; 1)', '.a | sub("a"; null)', '.a | gsub("A"; "_"; "i")',
    '.a | sub("(?<x>a)|(?<y>b)"; "\\(.x),\\(.y)")', '.a | test("[😀-😂]")',
  ],
  'split and join': ['.a | split(",")', '.a | split("")', '.a | split(".") | join("/")', '.a | join("-")', '.a | join(", ")', '.a | join(.b)', '.a | split(.b)', '.a | join(1)', '.a | join(null)'],
  'string functions': [
    '.a | ascii_downcase', '.a | ascii_upcase', '.a | tostring', '.a | tojson', '.a | tonumber', '.a | length', '.a | startswith("a")', '.a | endswith("c")',
    '.a | ltrimstr("a")', '.a | rtrimstr("c")', '.a | ltrimstr(.b)', '.a | type', '"\\(.a)/\\(.b)"', '"x\\(.a, .b)y\\(.c)"', '"\\(.a + 1)"', '.a | startswith(.b)',
  ],
  'object and array construction': [
    '{a, b: .b}', '{(.a): .b}', '[.a, .b]', '[.a[]?]', '{x: (.a, .b)}', '{x: .a, y: (.b, .c)}', '{"k y": .a, $__x: 1}', '{a: .a | length}', '{v: -.a}', '{(.a, .b): 1}',
    '[.a, .b] | length', '{if: .a, then: .b}', '{"a"}', '[[.a], {b: [.b]}]',
  ],
  'keys, has, to_entries, from_entries, add, map, first, last': [
    '.a | keys', '.a | keys_unsorted', '.a | has("b")', '.a | has(0)', 'has("a")', '.a | to_entries', '.a | from_entries', '.a | with_entries(select(.value != null))',
    '.a | add', '[.a, .b] | add', '.a | map(. + 1)', '.a | map(type)', '.a | first', '.a | last', 'first(.a[]?)', 'first(empty)', '.a | map(select(.Key == "a") | .Value)',
  ],
  'pipes, comma, variables': ['.a | .b', '.a, .b', '.a | (.b, .c)', '.a as $x | .b | [$x, .]', '.a[]? as $x | $x', '.a as $x | .b as $y | [$y, $x]', '[.a, .b] | .[1]', '.a as $k | {($k | tostring): 1}'],
};

/** Inputs per expression (the same for every expression of a run). */
const INPUT_COUNT = 70;

describe('the fast path, against jq 1.8.2 (jq-wasm) on generated inputs', () => {
  const generator = new JsonGenerator(seededRandom(20260101));
  const inputs = Array.from({ length: INPUT_COUNT }, () => generator.input());
  const notProven = new Map<string, number>();
  let decided = 0;
  let total = 0;

  for (const [construct, expressions] of Object.entries(CONSTRUCTS)) {
    it(`gives jq's outputs and errors for ${construct}`, () => {
      for (const expression of expressions.map((text) => text.replace('$__x', '"z"'))) {
        // GIVEN an expression the fast path compiles
        const fast = compileFastStream(engine, expression);

        // WHEN both evaluate it on every generated input
        const expected = runJqStreams(engine, expression, inputs);

        // THEN every output and every error (with jq's message) is the same, or the fast path declined
        inputs.forEach((input, index) => {
          const actual = fast(input);
          total += 1;
          if (actual === 'not proven') {
            notProven.set(expression, (notProven.get(expression) ?? 0) + 1);
            return;
          }
          decided += 1;
          assert.deepEqual(actual, expected[index], `${expression} on ${JSON.stringify(input)}`);
        });
      }
    });
  }

  it('decides nearly every case itself (the comparison is not vacuous)', () => {
    assert.ok(total > 10_000, `only ${total} cases`);
    assert.ok(decided / total > 0.95, `the fast path declined ${total - decided} of ${total} cases: ${JSON.stringify([...notProven])}`);
  });
});
