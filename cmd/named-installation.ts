import { resolve } from 'node:path';
import { defaultInstallationId } from '../src/aws/index.js';
import type { ResolvedConfig } from '../src/config/index.js';
import { recordedInstallationId } from '../state/index.js';
import type { CommonArgs } from './arguments.js';

/**
 * The config with its installation always named, for the commands that write to Port or the state:
 * `installationId` as configured; else the one the state file records (so a kept state needs no AWS
 * call, and a saved plan applies without AWS); else the default AWS gives, the Organization's id or the
 * account's (defaultInstallationId).
 */
export async function withNamedInstallation(config: ResolvedConfig, args: Pick<CommonArgs, 'state'>): Promise<ResolvedConfig> {
  if (config.installationId !== undefined) return config;
  const installationId = recordedInstallationId(resolve(args.state)) ?? (await defaultInstallationId(config.aws));
  return { ...config, installationId };
}
