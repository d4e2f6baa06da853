import { compileNode } from '../../../src/mapping/fast-path/compile-node.js';
import { JqFailure, NOT_PROVEN } from '../../../src/mapping/fast-path/jq-failure.js';
import { parseJq } from '../../../src/mapping/fast-path/parse-jq.js';
import type { JqEngine } from '../../../src/mapping/index.js';
import type { StreamResult } from './jq-reference.js';

/** An expression compiled by the fast path, run to the end of its stream. */
export type FastStream = (input: unknown) => StreamResult | 'not proven';

/** Compiles `expression` on the fast path (regexes checked by `engine`, as the mapper does); throws when the fast path refuses it. */
export function compileFastStream(engine: JqEngine, expression: string): FastStream {
  const evaluator = compileNode(parseJq(expression), [], {
    isRegexAccepted: (pattern, flags) => engine.run('""', `test(${JSON.stringify(pattern)}; ${JSON.stringify(flags)})`).exitCode === 0,
  });
  return (input) => {
    const outputs: string[] = [];
    try {
      evaluator.each(input, null, (value) => {
        outputs.push(JSON.stringify(value));
        return false;
      });
      return { outputs, error: null };
    } catch (error) {
      if (error === NOT_PROVEN) return 'not proven';
      if (error instanceof JqFailure) return { outputs, error: error.message };
      throw error;
    }
  };
}
