import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSeedItems } from '../mapping/generate-seed-items.js';
import { CLI_PATH } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const SEED_CONFIG = readFileSync(new URL('../../../examples/port-app-config.yml', import.meta.url), 'utf8');

/** Runs the CLI with stdout to a reader that closes it after the first chunk, as `| head -1` does. */
function runIntoClosedPipe(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.stdout.once('data', (data: Buffer) => {
      firstChunk = data.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, firstChunk }));
  });
}

describe('a reader that closes stdout early', () => {
  it('ends map quietly, with exit code 1, in one thread or with workers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'aws2port.yml'), SEED_CONFIG);
    writeFileSync(join(dir, 'items.jsonl'), generateSeedItems('AWS::EC2::Instance', 20_000, 3).map((item) => JSON.stringify(item)).join('\n'));

    for (const workers of ['0', '1']) {
      const run = await runIntoClosedPipe(['map', '--json', '--quiet', '--workers', workers, '--config', 'aws2port.yml', 'items.jsonl'], dir);

      assert.match(run.firstChunk, /^\{"blueprint":"cloudResource"/, `${workers} workers: it printed before the pipe closed`);
      assert.equal(run.stderr, '', `${workers} workers: no error message, no "bug" report`);
      assert.equal(run.code, 1, `${workers} workers`);
    }
  });
});
