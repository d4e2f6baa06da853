import type { FileHandle } from 'node:fs/promises';
import { isBlankLine } from './read-json-items.js';

const NEWLINE = 0x0a;

/** Whole lines of a JSON lines file, with the position of their items in the whole input. */
export interface LineChunk {
  /** The lines' bytes, each line with its newline (the file's last line may have none). Owns its ArrayBuffer, so it can be transferred. */
  bytes: Buffer;
  /** Index in the whole input of the chunk's first item. */
  firstIndex: number;
  /** Items in the chunk: its lines that are not blank. */
  items: number;
}

/**
 * Reads a JSON lines file from its current position in chunks of whole lines of about `chunkBytes`
 * (a longer line makes a longer chunk), counting items as readJsonItems does, so that chunks can be
 * parsed and mapped apart, in parallel, with their items' true indexes.
 */
export async function* readLineChunks(file: FileHandle, chunkBytes: number): AsyncGenerator<LineChunk> {
  let carry = Buffer.alloc(0);
  let firstIndex = 0;
  for (;;) {
    // Read at least as much as is carried over, so that a very long line costs linear time.
    const readBytes = Math.max(chunkBytes, carry.length);
    const buffer = Buffer.allocUnsafeSlow(carry.length + readBytes);
    carry.copy(buffer);
    const { bytesRead } = await file.read(buffer, carry.length, readBytes, null);
    const filled = carry.length + bytesRead;
    if (bytesRead === 0) {
      if (filled > 0) yield { bytes: buffer.subarray(0, filled), firstIndex, items: countItems(buffer.subarray(0, filled)) };
      return;
    }
    const last = buffer.lastIndexOf(NEWLINE, filled - 1);
    if (last === -1) {
      carry = buffer.subarray(0, filled);
      continue;
    }
    carry = Buffer.from(buffer.subarray(last + 1, filled));
    const bytes = buffer.subarray(0, last + 1);
    const items = countItems(bytes);
    yield { bytes, firstIndex, items };
    firstIndex += items;
  }
}

/** The lines of `bytes` that hold an item: those readJsonItems parses. */
function countItems(bytes: Buffer): number {
  let items = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    // A newline byte never falls inside a UTF-8 character, so a line decodes alone as it does in its chunk.
    if (bytes[start] === 0x7b || !isBlankLine(bytes.toString('utf8', start, end))) items += 1;
    start = end + 1;
  }
  return items;
}
