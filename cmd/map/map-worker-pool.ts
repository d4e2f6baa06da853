import { Worker } from 'node:worker_threads';
import { Aws2PortError } from '../../src/errors/index.js';
import type { LineChunk } from '../../src/mapping/index.js';
import type { MappedChunk } from './map-line-chunk.js';
import type { MapTask, MapTaskResult, MapWorkerEngine, MapWorkerSetup } from './map-worker-protocol.js';

/** One map worker thread: tasks go in, results come back. */
class MapWorker {
  private readonly thread: Worker;
  private readonly waiting = new Map<number, { resolve(result: MappedChunk): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor(setup: MapWorkerSetup, engine: Promise<MapWorkerEngine>) {
    this.thread = new Worker(new URL('./map-worker.js', import.meta.url), { workerData: setup });
    engine.then((ready) => this.thread.postMessage(ready), () => undefined);
    this.thread.on('message', (result: MapTaskResult) => this.settle(result));
    this.thread.on('error', (error) => this.failAll(new Aws2PortError('Internal', `A map worker crashed: ${error.message}`, { source: 'internal', cause: error })));
    this.thread.on('exit', (code) => this.failAll(new Aws2PortError('Internal', `A map worker stopped (exit code ${code}).`, { source: 'internal' })));
  }

  /** Tasks sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  /** Maps `chunk`, whose bytes are transferred: the caller must not use them again. */
  map(chunk: LineChunk): Promise<MappedChunk> {
    const id = this.nextId++;
    const task: MapTask = { id, bytes: chunk.bytes, firstIndex: chunk.firstIndex };
    const result = new Promise<MappedChunk>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.thread.postMessage(task, [chunk.bytes.buffer as ArrayBuffer]);
    return result;
  }

  async stop(): Promise<void> {
    this.thread.removeAllListeners('exit');
    await this.thread.terminate();
  }

  private settle(result: MapTaskResult): void {
    const waiter = this.waiting.get(result.id);
    if (!waiter) return;
    this.waiting.delete(result.id);
    if ('error' in result) {
      const { code, message, detail, subject, source } = result.error;
      waiter.reject(new Aws2PortError(code, message, { source, ...(detail === undefined ? {} : { detail }), ...(subject === undefined ? {} : { subject }) }));
    } else {
      waiter.resolve(result);
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/**
 * Map worker threads, each given at most `tasksPerWorker` chunks ahead of what it has answered. They
 * start at once, and map once `engine` has come (a failed engine leaves them idle until stopped).
 */
export class MapWorkerPool {
  private readonly workers: MapWorker[];

  constructor(count: number, setup: MapWorkerSetup, engine: Promise<MapWorkerEngine>, private readonly tasksPerWorker = 4) {
    this.workers = Array.from({ length: count }, () => new MapWorker(setup, engine));
  }

  /** Hands `chunk` to the least busy worker; null, with the chunk untouched, when every worker has its fill. */
  tryMap(chunk: LineChunk): Promise<MappedChunk> | null {
    let chosen: MapWorker | undefined;
    for (const worker of this.workers) if (!chosen || worker.pending < chosen.pending) chosen = worker;
    return chosen && chosen.pending < this.tasksPerWorker ? chosen.map(chunk) : null;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
