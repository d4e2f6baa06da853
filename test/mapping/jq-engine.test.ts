import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadJqEngine } from '../../src/mapping/index.js';

describe('loadJqEngine', () => {
  it('loads jq 1.8.2 once per process', async () => {
    const [first, second] = await Promise.all([loadJqEngine(), loadJqEngine()]);

    assert.equal(first, second);
    assert.equal(first, await loadJqEngine());
    assert.equal(first.version, 'jq-1.8.2');
  });

  it('runs a filter over JSON text of several values with compact output, and reports errors by exit code', async () => {
    const engine = await loadJqEngine();

    assert.deepEqual(engine.run('{"a": [1, 2]}\n{"a": [3]}', '.a'), { stdout: '[1,2]\n[3]', stderr: '', exitCode: 0 });
    assert.equal(engine.run('null', '.a |').exitCode, 3);
    assert.equal(engine.run('"x"', '.[0]').exitCode, 5);
  });
});
