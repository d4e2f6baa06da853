import { parentPort, workerData } from 'node:worker_threads';
import { Aws2PortError } from '../../src/errors/index.js';
import { ItemStreamMapper, loadJqEngine } from '../../src/mapping/index.js';
import type { MapRecordFormat } from '../views/map-records-view.js';
import { mapLineChunk } from './map-line-chunk.js';
import type { MapTask, MapTaskFailed, MapTaskResult, MapWorkerEngine, MapWorkerSetup } from './map-worker-protocol.js';
import { textStyle } from '../../src/model/index.js';

/**
 * A thread of `aws2port map --workers`: maps the chunks of JSON lines it is sent, one at a time, in
 * the order they come, once the main thread has sent it the compiled jq-wasm. The main thread has
 * loaded the config and checks the kind; a mapping that does not compile fails each task with the error to raise.
 */
const setup = workerData as MapWorkerSetup;
const port = parentPort!;
const format: MapRecordFormat = { isJson: setup.isJson, style: textStyle(setup.isColor) };
let receiveEngine!: (engine: MapWorkerEngine) => void;
// Tasks that arrive before the engine wait for it.
const mapper = new Promise<MapWorkerEngine>((resolve) => (receiveEngine = resolve)).then((engine) => startMapper(setup, engine.jqModule));
mapper.catch(() => undefined);

port.on('message', (message: MapWorkerEngine | MapTask) => {
  if ('jqModule' in message) {
    receiveEngine(message);
    return;
  }
  mapper.then(
    (ready) => {
      const result = runTask(message, ready);
      port.postMessage(result, 'bytes' in result ? [result.bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => port.postMessage(failure(message.id, error)),
  );
});

async function startMapper({ config, kind, isStrict }: MapWorkerSetup, jqModule: WebAssembly.Module): Promise<ItemStreamMapper> {
  return new ItemStreamMapper({ config, engine: await loadJqEngine(jqModule), isStrict, ...(kind === undefined ? {} : { kind }) });
}

function runTask({ id, bytes, firstIndex }: MapTask, ready: ItemStreamMapper): MapTaskResult {
  try {
    return { id, ...mapLineChunk(bytes, firstIndex, ready, format) };
  } catch (error) {
    return failure(id, error);
  }
}

function failure(id: number, error: unknown): MapTaskFailed {
  if (error instanceof Aws2PortError) {
    const { code, message, detail, subject, source } = error;
    return { id, error: { code, message, source, ...(detail === undefined ? {} : { detail }), ...(subject === undefined ? {} : { subject }) } };
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  return { id, error: { code: 'Internal', message: `A map worker failed: ${cause.message}`, source: 'internal', ...(cause.stack === undefined ? {} : { detail: cause.stack }) } };
}
