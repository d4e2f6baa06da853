import type { ResolvedConfig } from '../../src/config/index.js';
import type { ErrorCode } from '../../src/errors/index.js';
import type { MappedChunk } from './map-line-chunk.js';

/** What every map worker is started with (its workerData). */
export interface MapWorkerSetup {
  config: ResolvedConfig;
  kind?: string;
  isStrict: boolean;
  isJson: boolean;
  isColor: boolean;
}

/** The first message to a worker: jq-wasm compiled by the main thread. */
export interface MapWorkerEngine {
  jqModule: WebAssembly.Module;
}

/** A chunk of whole JSON lines to map. */
export interface MapTask {
  id: number;
  /** The lines' bytes, transferred. */
  bytes: Uint8Array;
  /** Index in the whole input of the chunk's first item. */
  firstIndex: number;
}

export type MapTaskDone = MappedChunk & { id: number };

/** The chunk could not be mapped: the error to raise in the main thread. */
export interface MapTaskFailed {
  id: number;
  error: { code: ErrorCode; message: string; detail?: string; subject?: string; source: 'user' | 'internal' };
}

export type MapTaskResult = MapTaskDone | MapTaskFailed;
