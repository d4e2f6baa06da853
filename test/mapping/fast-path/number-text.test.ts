import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadJqEngine } from '../../../src/mapping/index.js';
import { seededRandom } from '../builders.js';
import { compileFastStream } from './fast-streams.js';
import { runJqStreams } from './jq-reference.js';

const engine = await loadJqEngine();

/** Numbers of every magnitude and shape, as items carry them and as arithmetic makes them. */
function generateNumbers(): number[] {
  const random = seededRandom(7);
  const numbers = [0, -0, 1, -1, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-4, 1e-5, 1e-6, 1e-7, 1.5e-7, 1e15, 1e16, 1e17, 1e21, 1.5e300, 2 ** 53, 2 ** 53 + 2, 123456789012345680, 5e-324, 1.7976931348623157e308];
  for (let count = 0; count < 400; count += 1) {
    const magnitude = Math.floor(random() * 24) - 6;
    const value = (random() - 0.5) * 10 ** magnitude;
    numbers.push(value, Math.round(value), Number(value.toPrecision(1 + Math.floor(random() * 5))));
  }
  return numbers;
}

describe('numbers as text on the fast path, against jq 1.8.2', () => {
  const numbers = generateNumbers();

  for (const expression of ['tostring', 'tojson', '"n=\\(.)"', '[.] | tostring', '. + 0 | tostring', '. * 3 | tostring', '. / 7 | tostring', '-. | tostring', 'length | tostring', '"x" + .']) {
    it(`prints them as jq does, or declines: ${expression}`, () => {
      const fast = compileFastStream(engine, expression);
      const expected = runJqStreams(engine, expression, numbers);
      let decided = 0;
      numbers.forEach((number, index) => {
        const actual = fast(number);
        if (actual === 'not proven') return;
        decided += 1;
        assert.deepEqual(actual, expected[index], `${expression} on ${number}`);
      });
      // Integers below 1e16 and decimals from 1e-4 print alike: most numbers are decided here.
      assert.ok(decided > numbers.length * 0.6, `${expression}: decided ${decided} of ${numbers.length}`);
    });
  }
});
