import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [NAME...] [CASE...]`: runs every `NAME.bench.js` beside this file (all of them
 * when no NAME is given), each in its own process so its memory is its own, one after the other so they
 * do not compete for the two cores. Each prints its own table of figures and ratios measured side by
 * side. The words that name no benchmark are handed to each as the cases to run (`source scale`).
 */
const here = dirname(fileURLToPath(import.meta.url));
const words = process.argv.slice(2);
const allBenches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.js'))
  .map((file) => file.slice(0, -'.bench.js'.length));
const names = words.filter((word) => allBenches.includes(word));
const cases = words.filter((word) => !names.includes(word));
const benches = allBenches.filter((name) => names.length === 0 || names.includes(name)).sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', join(here, `${name}.bench.js`), ...cases], { stdio: 'inherit' });
    child.on('close', (status) => resolve(status ?? 1));
  });
  if (code !== 0) {
    failed++;
    process.stdout.write(`${name} failed with exit code ${code}\n`);
  }
}
if (benches.length === 0) process.stdout.write(`No benchmark matches ${words.join(' ')}\n`);
process.exitCode = failed > 0 ? 1 : 0;
