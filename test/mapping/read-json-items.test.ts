import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { readJsonItems, type ItemChunk } from '../../src/mapping/index.js';
import { seededRandom } from './builders.js';

const ITEMS = [{ a: 1, s: 'données 🚀' }, { b: '[,]{"}' }, { c: [1, { d: null }], e: 'x\\"y' }, { f: 'line\nbreak' }];

/** `text` as UTF-8 bytes cut at seeded random places (inside characters too). */
async function* chunked(text: string, seed: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  const random = seededRandom(seed);
  for (let start = 0; start < bytes.length; ) {
    const size = 1 + Math.floor(random() * 7);
    yield bytes.subarray(start, start + size);
    start += size;
  }
}

async function readAll(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<ItemChunk[]> {
  const all: ItemChunk[] = [];
  for await (const chunk of readJsonItems(chunks)) all.push(chunk);
  return all;
}

const entriesOf = (chunks: ItemChunk[]) => chunks.flatMap((chunk) => chunk.entries);

describe('readJsonItems', () => {
  it('reads JSON lines cut anywhere, even inside a character, skipping blank lines and CRLF ends', async () => {
    const text = `${JSON.stringify(ITEMS[0])}\r\n\n  \n${ITEMS.slice(1).map((item) => JSON.stringify(item)).join('\n')}`;

    for (const seed of [1, 2, 3]) {
      const chunks = await readAll(chunked(text, seed));

      assert.deepEqual(entriesOf(chunks), ITEMS.map((item) => ({ item })));
      // Each chunk says where its items stand in the whole input.
      let next = 0;
      for (const chunk of chunks) {
        assert.equal(chunk.firstIndex, next);
        next += chunk.entries.length;
      }
    }
  });

  it('reads a JSON array cut anywhere, with brackets, commas and escaped quotes inside strings', async () => {
    const text = ` \n${JSON.stringify(ITEMS, null, 2)}\n`;

    for (const seed of [4, 5]) assert.deepEqual(entriesOf(await readAll(chunked(text, seed))), ITEMS.map((item) => ({ item })));
    assert.deepEqual(entriesOf(await readAll(chunked('[]', 6))), []);
  });

  it('reports a line that is not JSON as an entry with an error, and reads on', async () => {
    const entries = entriesOf(await readAll(chunked('{"a": 1}\n{"a": \n{"a": 2}\n', 7)));

    assert.deepEqual(entries[0], { item: { a: 1 } });
    assert.match((entries[1] as { error: string }).error, /^not JSON: /);
    assert.deepEqual(entries[2], { item: { a: 2 } });
  });

  it('refuses an array that is not valid JSON, or text after it', async () => {
    for (const text of ['[{"a": 1}, {"a": }]', '[{"a": 1}', '[1] [2]']) {
      await assert.rejects(readAll(chunked(text, 8)), (error: unknown) => isAws2PortError(error, 'InputInvalid'), text);
    }
  });

  it('says when the text holds a surrogate escape, the only way to a lone surrogate', async () => {
    const [plain] = await readAll(['{"a": "é"}\n']);
    const [escaped] = await readAll(['{"a": "\\ud800"}\n']);

    assert.equal(plain!.areStringsWellFormed, true);
    assert.equal(escaped!.areStringsWellFormed, false);
  });

  it('reads nothing from empty or blank input', async () => {
    assert.deepEqual(await readAll([]), []);
    assert.deepEqual(entriesOf(await readAll([' \n\n '])), []);
  });
});
