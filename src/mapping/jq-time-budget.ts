import { Aws2PortError } from '../errors/index.js';
import { DEFAULT_JQ_TIME_BUDGET_MS } from './constants.js';

/** The environment variable that sets the jq time budget, in milliseconds. */
export const JQ_TIME_BUDGET_VARIABLE = 'AWS2PORT_JQ_TIME_BUDGET_MS';

/**
 * How long one jq-wasm run may take, in milliseconds: `AWS2PORT_JQ_TIME_BUDGET_MS` from `env` when
 * set, else DEFAULT_JQ_TIME_BUDGET_MS. Throws Aws2PortError `InvalidArgument` when it is set to
 * anything but a positive integer.
 */
export function jqTimeBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[JQ_TIME_BUDGET_VARIABLE];
  if (text === undefined || text === '') return DEFAULT_JQ_TIME_BUDGET_MS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1) {
    throw new Aws2PortError('InvalidArgument', `${JQ_TIME_BUDGET_VARIABLE} must be a positive number of milliseconds, got ${JSON.stringify(text)}.`);
  }
  return value;
}
