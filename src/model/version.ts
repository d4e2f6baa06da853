import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** aws2port's version, from its package.json (dist/src/model/version.js sits three folders below it). */
export function aws2portVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
