import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readJsonItems, type ItemChunk } from '../../src/mapping/index.js';
import { parseJsonLines } from '../../src/mapping/read-json-items.js';
import { readLineChunks, type LineChunk } from '../../src/mapping/read-line-chunks.js';
import { tempDir } from '../support/temp-dir.js';
import { seededRandom } from './builders.js';

/** Every chunk of `text` (written to a file) read in chunks of about `chunkBytes`. */
async function chunksOf(text: string, chunkBytes: number): Promise<LineChunk[]> {
  const path = join(tempDir(), 'items.jsonl');
  writeFileSync(path, text);
  const file = await open(path, 'r');
  try {
    const chunks: LineChunk[] = [];
    for await (const chunk of readLineChunks(file, chunkBytes)) chunks.push({ ...chunk, bytes: Buffer.from(chunk.bytes) });
    return chunks;
  } finally {
    await file.close();
  }
}

/** The entries readJsonItems reads from the whole text, with their indexes. */
async function wholeEntries(text: string): Promise<Array<[number, ItemChunk['entries'][number]]>> {
  const entries: Array<[number, ItemChunk['entries'][number]]> = [];
  for await (const chunk of readJsonItems([Buffer.from(text)])) chunk.entries.forEach((entry, offset) => entries.push([chunk.firstIndex + offset, entry]));
  return entries;
}

/** JSON lines with blank lines, whitespace-only lines, CRLF ends, a line that is not JSON, and non-ASCII text. */
function awkwardLines(count: number, seed: number): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    if (roll < 0.05) lines.push('');
    else if (roll < 0.08) lines.push(' \t \u00a0');
    else if (roll < 0.1) lines.push('{not json');
    else lines.push(`${JSON.stringify({ index, name: 'données 🚀 データ'.repeat(1 + Math.floor(random() * 40)) })}${random() < 0.2 ? '\r' : ''}`);
  }
  return lines.join('\n');
}

describe('readLineChunks', () => {
  it('cuts JSON lines into chunks of whole lines whose items, parsed apart, are exactly those of the whole input at the same indexes', async () => {
    const text = awkwardLines(2000, 11);
    for (const chunkBytes of [64, 1000, 50_000]) {
      const chunks = await chunksOf(text, chunkBytes);

      assert.ok(chunks.length > 1, `${chunkBytes}: several chunks`);
      assert.equal(Buffer.concat(chunks.map((chunk) => chunk.bytes)).toString('utf8'), text, `${chunkBytes}: every byte once, in order`);
      for (const chunk of chunks.slice(0, -1)) assert.equal(chunk.bytes.at(-1), 0x0a, `${chunkBytes}: chunks end at a line's end`);
      const fromChunks = chunks.flatMap((chunk) => {
        const { entries } = parseJsonLines(chunk.bytes.toString('utf8'));
        assert.equal(entries.length, chunk.items, `${chunkBytes}: the item count of the chunk at ${chunk.firstIndex}`);
        return entries.map((entry, offset): [number, ItemChunk['entries'][number]] => [chunk.firstIndex + offset, entry]);
      });
      assert.deepEqual(fromChunks, await wholeEntries(text), `${chunkBytes}: the same entries at the same indexes`);
    }
  });

  it('keeps a line longer than a chunk whole, and reads a last line without a newline', async () => {
    const long = JSON.stringify({ blob: 'x'.repeat(10_000) });
    const chunks = await chunksOf(`{"a":1}\n${long}\n{"b":2}`, 100);

    assert.deepEqual(chunks.map((chunk) => [chunk.firstIndex, chunk.items]), [[0, 1], [1, 1], [2, 1]]);
    assert.equal(chunks[1]!.bytes.toString('utf8'), `${long}\n`);
    assert.equal(chunks[2]!.bytes.toString('utf8'), '{"b":2}');
  });

  it('gives no chunk for an empty file', async () => {
    assert.deepEqual(await chunksOf('', 100), []);
  });
});
