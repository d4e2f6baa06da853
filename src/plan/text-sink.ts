import type { OutputSink } from '../model/index.js';

/** Bytes gathered before a write: big enough that a million lines are a few hundred writes. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Gathers lines into large chunks for a sink, awaiting the sink between chunks, so streaming a huge
 * plan neither makes a million small writes nor buffers the whole output.
 */
export class ChunkedWriter {
  private buffer = '';

  constructor(private readonly sink: OutputSink) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    await this.sink.write(chunk);
  }
}
