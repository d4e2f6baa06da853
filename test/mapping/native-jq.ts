import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Native jq (1.6 from Debian here), the independent reference the mapping is compared with. */
export const NATIVE_JQ = '/usr/bin/jq';

/**
 * Runs native `jq -c program` over `inputs` given as JSON lines and returns every output, parsed.
 * Fails the calling test, loudly, when native jq is not installed.
 */
export function runNativeJq(program: string, inputs: readonly unknown[]): unknown[] {
  if (!existsSync(NATIVE_JQ)) {
    assert.fail(`This test compares the mapping with native jq, which is missing at ${NATIVE_JQ}: install it (apt-get install jq).`);
  }
  const run = spawnSync(NATIVE_JQ, ['-c', program], {
    input: inputs.map((input) => JSON.stringify(input)).join('\n'),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `native jq failed: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}
