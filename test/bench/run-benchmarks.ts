import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [NAME...]`: runs every `*.bench.js` beside this file (or those whose name contains one
 * of NAME), each in its own process so its memory is its own, one after the other so they do not
 * compete for the two cores. Each prints its own table of figures and ratios measured side by side.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name.replace(/\.bench\.js$/, '')} ===\n`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', join(here, name)], { stdio: 'inherit' });
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) {
    failed++;
    process.stdout.write(`${name} failed with exit code ${code}\n`);
  }
}
if (benches.length === 0) process.stdout.write(`No benchmark matches ${filters.join(' ')}\n`);
process.exitCode = failed > 0 ? 1 : 0;
