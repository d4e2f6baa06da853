import { aws2portVersion } from '../model/index.js';

/** Who writes: the installation (config `installationId`) and, under `--shard I/N`, the shard's index. */
export interface PortWriter {
  installationId?: string;
  shard?: { index: number; count: number };
}

/**
 * The User-Agent of every Port request, which Port records as each written entity's `$datasource`:
 * `aws2port/{version}/{installation}[/{shard}]`, or `aws2port/{version}` when no installation is named.
 */
export function portUserAgent(writer: PortWriter = {}): string {
  const installation = installationName(writer);
  return installation === undefined ? `aws2port/${aws2portVersion()}` : `aws2port/${aws2portVersion()}/${installation}`;
}

/** `{installation}[/{shard}]`, as the User-Agent and the state name it; undefined when no installation is named. */
export function installationName(writer: PortWriter): string | undefined {
  if (writer.installationId === undefined) return undefined;
  return writer.shard ? `${writer.installationId}/${writer.shard.index}` : writer.installationId;
}
