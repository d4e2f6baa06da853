import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidPortIdentifier } from '../../src/model/index.js';

describe('isValidPortIdentifier', () => {
  it('accepts what Port accepts: letters of any script, digits and @_.+:\\/=\'-', () => {
    for (const id of ['my-bucket', 'arn:aws:s3:::my.bucket', 'arn:aws:ecs:us-east-1:111111111111:cluster/a_b', 'bücher', '日本語', 'Ελλάδα', 'a@b+c=d\'e', 'back\\slash', '...', '.hidden', '123', 'x'.repeat(1000), '日'.repeat(1000)]) {
      assert.equal(isValidPortIdentifier(id), true, id);
    }
  });

  it('refuses the empty string, "." and "..", spaces, other symbols and more than 1000 characters', () => {
    for (const id of ['', '.', '..', 'has space', 'tab\there', 'new\nline', 'a#b', 'a?b', 'a,b', 'quote"', 'rocket🚀', 'x'.repeat(1001), '日'.repeat(1001)]) {
      assert.equal(isValidPortIdentifier(id), false, id);
    }
  });

  it('counts length in code points, not UTF-16 units', () => {
    // 𝒜 (U+1D49C, a letter outside the BMP) is one code point but two UTF-16 units.
    assert.equal(isValidPortIdentifier('𝒜'.repeat(1000)), true);
    assert.equal(isValidPortIdentifier('𝒜'.repeat(1001)), false);
  });
});
