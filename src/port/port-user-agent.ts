import { aws2portVersion } from '../version.js';

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
  const base = `aws2port/${aws2portVersion()}`;
  if (writer.installationId === undefined) return base;
  return writer.shard ? `${base}/${writer.installationId}/${writer.shard.index}` : `${base}/${writer.installationId}`;
}
