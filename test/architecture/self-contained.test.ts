import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { repoFile } from '../support/repo-file.js';

const ROOT = repoFile('');
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git']);
const TEXT_FILE = /\.(ts|mjs|cjs|js|md|yml|yaml|json|sh)$|^run$/;

/** Every text file of the repository (sources, tests, docs, examples, CI), by path from the root. */
function repositoryFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : repositoryFiles(join(dir, entry.name));
    return TEXT_FILE.test(entry.name) ? [relative(ROOT, join(dir, entry.name))] : [];
  });
}

/**
 * What a reader who cloned the repository could not follow: a work item's number, or a path to a
 * folder beside the repository. Written in pieces so that this file does not match itself.
 */
const FOREIGN_REFERENCES: { what: string; pattern: RegExp }[] = [
  { what: 'a work item number', pattern: new RegExp(['\\b(issue|ticket|work[- ]item)', '\\s*#?\\d+'].join(''), 'i') },
  { what: 'a path outside the repository', pattern: new RegExp(['\\.\\./', 'shared/', '|/wo', 'rk/', '(main|shared|wt)\\b'].join('')) },
];

describe('the repository speaks for itself', () => {
  it('names no work item and no path outside it, in code, tests, docs or examples', () => {
    const found = repositoryFiles().flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => FOREIGN_REFERENCES.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${path}:${i + 1}: ${what}: ${line.trim()}`)),
    );
    assert.deepEqual(found, []);
  });
});
