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
 * parsed and mapped apart, in parallel, with their items' true indexes. The next read is under way
 * while the caller works on a chunk.
 */
export async function* readLineChunks(file: FileHandle, chunkBytes: number): AsyncGenerator<LineChunk> {
  let firstIndex = 0;
  let reading = readAfter(file, Buffer.alloc(0), chunkBytes);
  for (;;) {
    const { buffer, filled, bytesRead } = await reading;
    if (bytesRead === 0) {
      if (filled > 0) yield { bytes: buffer.subarray(0, filled), firstIndex, items: countItems(buffer.subarray(0, filled)) };
      return;
    }
    const last = buffer.lastIndexOf(NEWLINE, filled - 1);
    // The carried bytes are copied: the chunk's buffer goes to the caller, which may transfer it.
    const carry = last === -1 ? buffer.subarray(0, filled) : Buffer.from(buffer.subarray(last + 1, filled));
    reading = readAfter(file, carry, chunkBytes);
    if (last === -1) continue;
    const bytes = buffer.subarray(0, last + 1);
    const items = countItems(bytes);
    yield { bytes, firstIndex, items };
    firstIndex += items;
  }
}

/**
 * Reads the file's next bytes into a new buffer after a copy of `carry`: at least `chunkBytes`, and
 * at least as many as are carried over, so that a very long line costs linear time.
 */
function readAfter(file: FileHandle, carry: Buffer, chunkBytes: number): Promise<{ buffer: Buffer; filled: number; bytesRead: number }> {
  const readBytes = Math.max(chunkBytes, carry.length);
  const buffer = Buffer.allocUnsafeSlow(carry.length + readBytes);
  carry.copy(buffer);
  const reading = file.read(buffer, carry.length, readBytes, null).then(({ bytesRead }) => ({ buffer, filled: carry.length + bytesRead, bytesRead }));
  // Handled here too: a read still under way when the caller stops must not be an unhandled rejection.
  reading.catch(() => undefined);
  return reading;
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
