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
 * The aws2port installation an entity's `$datasource` (the User-Agent Port recorded) names:
 * `{installation}[/{shard}]`, null for an aws2port write that named none (`aws2port/{version}`), and
 * undefined when another writer made it (Port's own integration, a person, any other tool).
 */
export function datasourceInstallation(datasource: unknown): string | null | undefined {
  if (typeof datasource !== 'string' || !datasource.startsWith('aws2port/')) return undefined;
  const afterProduct = datasource.slice('aws2port/'.length);
  const slash = afterProduct.indexOf('/');
  if (slash === 0) return undefined;
  return slash === -1 ? null : afterProduct.slice(slash + 1);
}

/**
 * True when Port's `$datasource` of an entity says this installation (and shard) wrote it: exactly
 * `aws2port/{any version}/{installation}[/{shard}]` (installationName). Another installation whose name
 * merely contains this one (`prod-2` for `prod`), another shard, an unsharded write under `--shard` (or
 * the reverse), an aws2port that named no installation, Port's own integration or a person never match.
 */
export function isWrittenBy(datasource: unknown, writer: PortWriter): boolean {
  const installation = installationName(writer);
  return installation !== undefined && datasourceInstallation(datasource) === installation;
}

/**
 * True when `writer` may change or delete an entity of this `$datasource`: written by this
 * installation (and shard), or by an aws2port that named no installation (writes made before one was
 * configured). False for every other writer, another aws2port installation or shard included.
 */
export function isOwnDatasource(datasource: unknown, writer: PortWriter): boolean {
  return datasourceInstallation(datasource) === null || isWrittenBy(datasource, writer);
}
