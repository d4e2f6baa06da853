import { readFileSync } from 'node:fs';
import { startAwsSimulator, type AwsSimulator, type Estate } from './aws/index.js';
import { loadExampleBlueprints, startPortSimulator, type PortSimulator } from './port/index.js';

/** Both simulators, started together for the demo and for `npm run simulate`. */
export interface Simulators {
  aws: AwsSimulator;
  port: PortSimulator;
  /** The environment that points aws2port at them (AWS endpoint and keys, Port URL and credentials). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the AWS simulator with the estate in `estateFile` and Port with the default blueprints. */
export async function startSimulators(estateFile: string): Promise<Simulators> {
  const estate = JSON.parse(readFileSync(estateFile, 'utf8')) as Estate;
  const aws = await startAwsSimulator({ estate });
  const port = await startPortSimulator({ blueprints: loadExampleBlueprints() });
  return {
    aws,
    port,
    env: { ...aws.env(), ...port.env() },
    close: async () => {
      await Promise.all([aws.close(), port.close()]);
    },
  };
}
