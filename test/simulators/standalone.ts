import { fileURLToPath } from 'node:url';
import { startSimulators } from './start-simulators.js';

/**
 * `npm run simulate [ESTATE.json]`: runs the AWS and Port simulators until Ctrl-C and prints the
 * environment that points aws2port at them. Default estate: examples/demo/estate.json.
 */
const estateFile = process.argv[2] ?? fileURLToPath(new URL('../../../examples/demo/estate.json', import.meta.url));
const simulators = await startSimulators(estateFile);
process.stdout.write(
  `AWS simulator:  ${simulators.aws.url}  (estate: ${estateFile})\nPort simulator: ${simulators.port.url}\n\n` +
    `Point aws2port at them from another shell:\n\n` +
    Object.entries(simulators.env)
      .map(([name, value]) => `export ${name}=${value}\n`)
      .join('') +
    `\nThen: node dist/cmd/aws2port.js plan --config examples/demo/aws2port.yml\nCtrl-C stops the simulators.\n`,
);
const stop = () => {
  void simulators.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
