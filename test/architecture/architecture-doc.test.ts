import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoFile } from '../support/repo-file.js';

/** ARCHITECTURE.md with every run of whitespace made one space, so a citation may wrap lines. */
const ARCHITECTURE = readFileSync(repoFile('ARCHITECTURE.md'), 'utf8').replace(/\s+/g, ' ');
const CITED_PATH = /`(test\/[^`\s]+)`/g;
/** A cited test file followed by the names of the tests it means: `test/x.test.ts` ("name", "name..."). */
const CITED_TESTS = /`(test\/[^`\s]+\.ts)` \(([^)]*)\)/g;

/** The numbered invariants, each as its text. */
function invariants(): string[] {
  const section = ARCHITECTURE.split('## Invariants')[1]?.split(' ## ')[0] ?? '';
  return section.split(/ \d+\. (?=\*\*)/).slice(1);
}

describe('ARCHITECTURE.md', () => {
  it('names, for each invariant, the tests that hold it', () => {
    const found = invariants();
    assert.ok(found.length >= 10, `found ${found.length} invariants`);
    const untested = found.filter((text) => !text.match(CITED_PATH)).map((text) => text.slice(0, 80));
    assert.deepEqual(untested, []);
  });

  it('cites only test files that exist', () => {
    const missing = [...ARCHITECTURE.matchAll(CITED_PATH)].map((match) => match[1]!).filter((path) => !existsSync(repoFile(path.replace(/[.,;:]$/, ''))));
    assert.deepEqual(missing, []);
  });

  it('cites only tests those files hold, by name', () => {
    const missing = [...ARCHITECTURE.matchAll(CITED_TESTS)].flatMap((match) => {
      const source = readFileSync(repoFile(match[1]!), 'utf8');
      const names = [...match[2]!.matchAll(/"([^"]+)"/g)].map((name) => name[1]!.replace(/\.\.\.$/, ''));
      return names.filter((name) => !source.includes(name)).map((name) => `${match[1]}: "${name}"`);
    });
    assert.deepEqual(missing, []);
  });
});
