import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { repoFile } from '../support/repo-file.js';

/** Test folders that test no single stage: the CLI end to end, the simulators, benchmarks, helpers, the rules. */
const CROSS_STAGE_FOLDERS = new Set(['e2e', 'simulators', 'bench', 'support', 'architecture', 'package']);

/** The folder of the code a test folder's unit tests test: `test/plan` tests `src/plan`, `test/state` tests `state`. */
function stageFolder(testFolder: string): string {
  return existsSync(repoFile(testFolder)) ? testFolder : join('src', testFolder);
}

function unitTestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !CROSS_STAGE_FOLDERS.has(file.split('/')[0]!));
}

describe('test/ mirrors the code', () => {
  it('puts each unit test in the folder of the stage it imports', () => {
    const misplaced: string[] = [];
    for (const file of unitTestFiles(repoFile('test'))) {
      const testFolder = file.split('/')[0]!;
      const stage = stageFolder(testFolder);
      assert.ok(existsSync(repoFile(stage)), `test/${testFolder} has no stage folder ${stage}`);
      const text = readFileSync(repoFile(join('test', file)), 'utf8');
      // A test that imports code imports its own stage; one that drives the built CLI alone is a cmd test
      const importsCode = /from '(\.\.\/)+(src|state|cmd)\//.test(text);
      if (importsCode && !text.includes(`/${stage}/`)) misplaced.push(`test/${file}`);
    }
    assert.deepEqual(misplaced, []);
  });
});
