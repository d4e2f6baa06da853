import { CallScheduler } from '../aws/index.js';
import type { ResolvedConfig } from '../config/index.js';
import { isAws2PortError } from '../errors/index.js';
import { PortClient, portConnectionFromEnv } from '../port/index.js';
import { checkAwsAccess } from './check-aws-access.js';
import { blueprintsWritten, checkBlueprints, type BlueprintFindings, type BlueprintsFile } from './check-blueprints.js';
import { failed, passed, reportOf, type DoctorCheck, type DoctorReport } from './doctor-check.js';
import { mapSamples, type SampledEntity } from './map-samples.js';
import { sampleKinds } from './sample-kinds.js';
import { validateSampleEntities } from './validate-sample-entities.js';

/** The blueprint read to try the Port credentials when the config names none (its absence is fine). */
const PROBED_BLUEPRINT = 'awsAccount';

/** What `aws2port doctor` checks, and how. */
export interface DoctorOptions {
  config: ResolvedConfig;
  /** The config's blueprints file, when it names one. */
  blueprintsFile?: BlueprintsFile;
  /** Restrict the kinds checked to these; empty for all. */
  targets: readonly string[];
  /** Concurrent AWS calls and Port requests. */
  /** The user's cap (`--parallelism`); undefined: the host's default. */
  parallelism?: number;
  /** Assume the read role in every member account, not a sample. */
  isAllAccounts: boolean;
  /** `--strict`: a jq error in a mapped field skips the sampled item, as in a plan. */
  isStrict: boolean;
  /** Read for AWS_REGION and the Port credentials (PORT_CLIENT_ID, PORT_CLIENT_SECRET, PORT_BASE_URL). */
  env: NodeJS.ProcessEnv;
}

/**
 * Checks a real setup, read-only, in the order a run meets it: AWS credentials, Organizations, the read
 * roles, each configured kind (listed in one account and region, a few items mapped), Port credentials,
 * each blueprint the config writes against the mapping and the sampled values, and a sample of entities
 * validated by Port itself (`validation_only=true`). A check that cannot run because an earlier one
 * failed is left out: the earlier one says what to fix first. Writes nothing anywhere.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { config } = options;
  const resources = options.targets.length > 0 ? config.resources.filter((r) => options.targets.includes(r.kind)) : config.resources;
  const scheduler = new CallScheduler(options.parallelism === undefined ? {} : { parallelism: options.parallelism });
  const aws = await checkAwsAccess(config.aws, { scheduler, isAllAccounts: options.isAllAccounts, env: options.env });
  const checks: DoctorCheck[] = [...aws.checks];
  let samples: SampledEntity[] = [];
  if (aws.discovery && aws.readable[0]) {
    const kinds = await sampleKinds(resources, aws.discovery, aws.readable[0], config.aws, { scheduler, env: options.env });
    checks.push(...kinds.checks);
    samples = await mapSamples(resources, kinds.items, options.isStrict);
  }
  checks.push(...(await checkPort(options, resources, samples)));
  return reportOf(checks);
}

async function checkPort(options: DoctorOptions, resources: ResolvedConfig['resources'], samples: SampledEntity[]): Promise<DoctorCheck[]> {
  let port: PortClient;
  let baseUrl: string;
  try {
    const connection = portConnectionFromEnv(options.env, options.parallelism);
    port = new PortClient(connection);
    baseUrl = connection.baseUrl;
  } catch (error) {
    if (!isAws2PortError(error)) throw error;
    return [failed('port-credentials', 'Port credentials', null, error.message, error.detail ?? 'Set PORT_CLIENT_ID and PORT_CLIENT_SECRET.')];
  }
  try {
    const names = blueprintsWritten(resources, samples);
    let findings: BlueprintFindings;
    try {
      // with no blueprint known (all computed by jq, nothing sampled), one read still tries the credentials
      if (names.length === 0) await port.getBlueprint(PROBED_BLUEPRINT);
      findings = await checkBlueprints(names, resources, samples, options.blueprintsFile, port);
    } catch (error) {
      if (isAws2PortError(error, 'PortAuthFailed')) return [failed('port-credentials', 'Port credentials', null, error.message, portCredentialsFix(baseUrl))];
      if (isAws2PortError(error, 'PortRequestFailed')) return [failed('port-credentials', 'Port credentials', null, error.message, `Check PORT_BASE_URL (${baseUrl}), the network and the proxy (HTTPS_PROXY).`)];
      throw error;
    }
    const validated = await validateSampleEntities(samples, findings.existing, findings.schemas, { merge: options.config.enableMergeEntity }, port);
    return [passed('port-credentials', 'Port credentials', null, `${baseUrl} issued a token and answered`), ...findings.checks, ...validated];
  } finally {
    await port.close();
  }
}

function portCredentialsFix(baseUrl: string): string {
  return `Check PORT_CLIENT_ID and PORT_CLIENT_SECRET (Port: Settings > Credentials), and that PORT_BASE_URL (${baseUrl}) is your Port's region: https://api.port.io (EU) or https://api.us.port.io (US).`;
}
