import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, it } from 'node:test';
import { repoFile } from '../support/repo-file.js';
import { tempDir } from '../support/temp-dir.js';

const CRUISER = repoFile('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const RULES = repoFile('.dependency-cruiser.cjs');

/** Runs the import rule over `folders` of `cwd`: its exit code and report, without colours (CI may force them on). */
function checkImports(cwd: string, folders: readonly string[]): { code: number | null; report: string } {
  const run = spawnSync(process.execPath, [CRUISER, '--config', RULES, '--output-type', 'err', ...folders], { cwd, encoding: 'utf8' });
  return { code: run.status, report: stripVTControlCharacters(`${run.stdout}${run.stderr}`) };
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('the import rule of the stages', () => {
  it('holds for the code as it is', () => {
    const { code, report } = checkImports(repoFile(''), ['src', 'state', 'cmd']);
    assert.equal(code, 0, report);
  });

  it('fails on a stage that imports a stage after it in the flow, type-only imports included', () => {
    const dir = tempDir();
    writeFiles(dir, {
      'src/plan/index.ts': 'export type Plan = { changes: number };\n',
      'src/port/index.ts': "import type { Plan } from '../plan/index.js';\nexport type Sent = Plan;\n",
    });
    const { code, report } = checkImports(dir, ['src']);
    assert.equal(code, 1, report);
    assert.match(report, /port-imports-up-the-flow: src\/port\/index\.ts → src\/plan\/index\.ts/);
  });

  it("fails on a stage that reaches past another stage's index.ts", () => {
    const dir = tempDir();
    writeFiles(dir, {
      'src/mapping/constants.ts': 'export const LIMIT = 1;\n',
      'src/mapping/index.ts': "export { LIMIT } from './constants.js';\n",
      'src/plan/index.ts': "import { LIMIT } from '../mapping/constants.js';\nexport const twice = LIMIT * 2;\n",
    });
    const { code, report } = checkImports(dir, ['src']);
    assert.equal(code, 1, report);
    assert.match(report, /past-the-index: src\/plan\/index\.ts → src\/mapping\/constants\.ts/);
  });
});
