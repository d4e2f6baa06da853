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

/**
 * True when Port's `$datasource` of an entity says this installation (and shard) wrote it: exactly
 * `aws2port/{any version}/{installation}[/{shard}]` (installationName). Another installation whose name
 * merely contains this one (`prod-2` for `prod`), another shard, an unsharded write under `--shard` (or
 * the reverse), Port's own integration or a person never match.
 */
export function isWrittenBy(datasource: unknown, writer: PortWriter): boolean {
  const installation = installationName(writer);
  if (installation === undefined || typeof datasource !== 'string' || !datasource.startsWith('aws2port/')) return false;
  const afterProduct = datasource.slice('aws2port/'.length);
  const slash = afterProduct.indexOf('/');
  return slash > 0 && afterProduct.slice(slash + 1) === installation;
}
