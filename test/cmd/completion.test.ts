import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI_PATH, runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir();

/** `aws2port completion` as printed in a shell whose $SHELL is `shell`. */
async function completionScript(shell: string): Promise<string> {
  const run = await runCli(['completion'], { cwd: dir, env: { SHELL: shell } });
  assert.equal(run.code, 0, run.stderr);
  return run.stdout;
}

/**
 * What bash offers after the script is sourced and the user typed `words` and pressed Tab, with
 * `aws2port` on PATH as an installed package puts it there.
 */
function bashCompletes(script: string, words: readonly string[]): string[] {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'aws2port'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
  chmodSync(join(bin, 'aws2port'), 0o755);
  writeFileSync(join(dir, 'completion.bash'), script);
  const typed = words.map((w) => `'${w}'`).join(' ');
  const shell = `source ./completion.bash; COMP_WORDS=(${typed}); COMP_CWORD=${words.length - 1}; _aws2port_yargs_completions; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', shell], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: dir, SHELL: '/bin/bash' } });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter((line) => line !== '');
}

describe('aws2port completion', () => {
  it('prints a bash script that completes commands, subcommands and flags', async () => {
    const script = await completionScript('/bin/bash');
    assert.match(script, /^complete .* aws2port$/m);
    assert.deepEqual(bashCompletes(script, ['aws2port', 'pl']), ['plan']);
    assert.deepEqual(bashCompletes(script, ['aws2port', 'state', 'un']), ['unlock']);
    assert.deepEqual(bashCompletes(script, ['aws2port', 'plan', '--detailed']), ['--detailed-exitcode']);
  });

  it('prints a zsh script in zsh, whose completions carry their descriptions', async () => {
    const script = await completionScript('/usr/bin/zsh');
    assert.match(script, /^#compdef aws2port$/m);
    assert.match(script, /^compdef _aws2port_yargs_completions aws2port$/m);
    const offered = await runCli(['--get-yargs-completions', 'aws2port', ''], { cwd: dir, env: { SHELL: '/usr/bin/zsh' } });
    assert.equal(offered.code, 0, offered.stderr);
    assert.match(offered.stdout, /^plan:Read AWS, map, diff against the state, show the plan$/m);
  });
});
