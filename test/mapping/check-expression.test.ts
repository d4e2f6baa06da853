import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExpression, loadJqEngine } from '../../src/mapping/index.js';

const engine = await loadJqEngine();

describe('checkExpression', () => {
  it('returns null for expressions that compile', () => {
    for (const text of ['.Identifier', '"cloudResource"', '.JoinedTimestamp | sub(" "; "T")', '.Properties | select(.Arn != null) | "x" + .Arn', 'def f: 1; f', '.a # comment']) {
      assert.equal(checkExpression(engine, text), null, text);
    }
  });

  it("returns jq's message, with the line and column, for one that does not", () => {
    const message = checkExpression(engine, '.Properties |\n  capture(');

    assert.match(message ?? '', /^syntax error, unexpected end of file at <top-level>, line 2, column 10:/);
    assert.doesNotMatch(message ?? '', /jq: error|compile error/);
  });

  it('names an undefined function', () => {
    assert.match(checkExpression(engine, '.a | no_such_function(1)') ?? '', /no_such_function\/1 is not defined/);
  });

  it('refuses an empty expression', () => {
    assert.equal(checkExpression(engine, '  \n'), 'the expression is empty');
  });

  it('compiles without running: errors, halts and inputs at run time pass', () => {
    for (const text of ['error("boom")', 'halt_error', 'input', 'null | test("(")', 'last(range(1e12))']) {
      assert.equal(checkExpression(engine, text), null, text);
    }
  });
});
