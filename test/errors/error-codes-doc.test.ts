import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/errors/index.js';
import { repoFile } from '../support/repo-file.js';

describe('docs/errors.md', () => {
  it('lists every error code of the registry, and no other', () => {
    const rows = readFileSync(repoFile('docs/errors.md'), 'utf8').matchAll(/^\| `([A-Za-z]+)` \|/gm);
    assert.deepEqual([...rows].map((row) => row[1]).sort(), [...ERROR_CODES].sort());
  });
});
