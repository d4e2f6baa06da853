import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExpression, loadJqEngine } from '../../../src/mapping/index.js';
import { seededRandom } from '../builders.js';
import { compileFastStream } from './fast-streams.js';
import { generateExpression } from './generate-expression.js';
import { JsonGenerator } from './generate-json.js';
import { runJqStreams } from './jq-reference.js';

const engine = await loadJqEngine();

const EXPRESSION_COUNT = 1000;
const INPUT_COUNT = 30;

describe('the fast path on random combinations of its constructs', () => {
  it('parses them with jq 1.8 precedences and gives jq outputs and errors, on generated inputs', () => {
    // GIVEN random expressions that jq compiles, and random inputs
    const json = new JsonGenerator(seededRandom(4242));
    const inputs = Array.from({ length: INPUT_COUNT }, () => json.input());
    let compared = 0;
    let refused = 0;
    for (let count = 0; count < EXPRESSION_COUNT; count += 1) {
      const expression = generateExpression(json, 3);
      if (checkExpression(engine, expression) !== null) continue;
      let fast;
      try {
        fast = compileFastStream(engine, expression);
      } catch {
        refused += 1;
        continue;
      }

      // WHEN jq and the fast path evaluate each of them
      const expected = runJqStreams(engine, expression, inputs);

      // THEN they agree on every output and error, unless the fast path declined that input
      inputs.forEach((input, index) => {
        const actual = fast(input);
        if (actual === 'not proven') return;
        compared += 1;
        assert.deepEqual(actual, expected[index], `${expression} on ${JSON.stringify(input)}`);
      });
    }
    assert.ok(compared > 20_000, `only ${compared} cases compared (${refused} expressions refused)`);
  });
});
