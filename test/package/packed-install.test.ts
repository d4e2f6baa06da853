import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startSimulators } from '../simulators/start-simulators.js';
import { tempDir } from '../support/temp-dir.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

/** What one command did. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command ARGS` in `cwd` with this Node first on PATH; resolves with its exit code and output.
 * With `env`, exactly that environment (plus PATH and HOME), so no credential of the machine leaks in;
 * without, this process's (npm needs its cache and settings).
 */
function run(command: string, args: readonly string[], cwd: string, env?: Record<string, string>): Promise<Run> {
  const path = [dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(delimiter);
  const environment = env === undefined ? { ...process.env, PATH: path } : { PATH: path, HOME: cwd, ...env };
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env: environment, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/**
 * `npm pack`, then `npm install` of the tarball in an empty folder, as a user installs the package:
 * only what `files` ships and only the dependencies (no devDependencies). The dependencies come from
 * npm's cache, which `npm ci` filled. better-sqlite3's native build is not run again: the repository's
 * (same version, same Node) is copied in, since compiling SQLite twice tells nothing about aws2port's
 * package and takes minutes.
 */
async function installPackedPackage(): Promise<string> {
  const dir = tempDir('aws2port-package-');
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], REPO);
  assert.equal(packed.code, 0, packed.stderr);
  const { filename } = (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!;
  const home = join(dir, 'user');
  mkdirSync(home);
  writeFileSync(join(home, 'package.json'), '{ "private": true }\n');
  const installed = await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, filename)], home);
  assert.equal(installed.code, 0, installed.stderr);
  const nativeBuild = join('node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(join(home, nativeBuild), { recursive: true });
  for (const file of readdirSync(join(REPO, nativeBuild)).filter((name) => name.endsWith('.node'))) copyFileSync(join(REPO, nativeBuild, file), join(home, nativeBuild, file));
  return home;
}

describe('the packed package, installed', () => {
  it('runs --version, validates the example config and runs the demo', { timeout: 300_000 }, async () => {
    // Given aws2port packed and installed in an empty folder
    const home = await installPackedPackage();
    const aws2port = join(home, 'node_modules', '.bin', 'aws2port');
    const shipped = join(home, 'node_modules', 'aws2port', 'examples');

    // Then the installed command runs
    const versionRun = await run(aws2port, ['--version'], home, {});
    assert.equal(versionRun.code, 0, versionRun.stderr);
    assert.equal(versionRun.stdout.trim(), version);

    const validate = await run(aws2port, ['validate', '--config', join(shipped, 'port-app-config.yml')], home, {});
    assert.equal(validate.code, 0, validate.stderr);
    assert.equal(validate.stdout, 'The configuration is valid.\n');

    // And the demo's plan, apply and plan again work from the shipped demo config, against the simulators
    const simulators = await startSimulators(join(shipped, 'demo', 'estate.json'));
    try {
      const env = { ...simulators.env, AWS2PORT_CONFIG: join(shipped, 'demo', 'aws2port.yml'), AWS2PORT_STATE: join(home, 'state.db') };
      const plan = await run(aws2port, ['plan', '--detailed-exitcode'], home, env);
      assert.equal(plan.code, 2, plan.stderr);
      const apply = await run(aws2port, ['apply', '--auto-approve'], home, env);
      assert.equal(apply.code, 0, apply.stderr);
      assert.ok(simulators.port.entities('cloudResource').length > 0, 'the demo wrote entities to Port');
      const again = await run(aws2port, ['plan', '--detailed-exitcode'], home, env);
      assert.equal(again.code, 0, again.stdout + again.stderr);
      assert.match(again.stdout, /No changes/);
    } finally {
      await simulators.close();
    }
  });
});
