import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const MAPPING = new URL('../../src/mapping/index.js', import.meta.url).href;
const BUILDERS = new URL('./builders.js', import.meta.url).href;

describe('the mapping stage', () => {
  it('prints nothing, even when expressions debug, write to stderr, fail, halt or do not compile', () => {
    // GIVEN a process that only maps (the stage must leave all printing to the CLI)
    const script = `
      import { compileMapper, loadJqEngine, checkExpression } from ${JSON.stringify(MAPPING)};
      import { buildResource, buildBucketItems } from ${JSON.stringify(BUILDERS)};
      const engine = await loadJqEngine();
      const resource = buildResource({
        title: '.Identifier | debug | stderr',
        properties: { bad: '.Properties.Missing | test("x")', stop: 'if .Identifier == "bucket-1" then "bye" | halt_error else 1 end' },
      });
      const result = compileMapper(resource, engine).mapBatch(buildBucketItems(3));
      if (result.entities.length !== 2 || result.issues.length !== 3) throw new Error('unexpected result');
      try { compileMapper(buildResource({ title: '.a |' }), engine); } catch {}
      checkExpression(engine, 'nope(');
    `;

    // WHEN it runs
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });

    // THEN it exits cleanly having written nothing to stdout or stderr
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, '');
  });
});
