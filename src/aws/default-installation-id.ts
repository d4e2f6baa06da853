import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsSettings } from '../config/index.js';
import { Aws2PortError } from '../errors/index.js';
import { assumeRoleCredentials } from './assume-role-credentials.js';
import { makeOrganizationsClient, makeStsClient } from './aws-clients.js';
import { awsErrorName, describeAwsError } from './aws-error.js';
import { CallScheduler } from './call-scheduler.js';
import { callerIdentityError } from './caller-identity-error.js';
import { BOOTSTRAP_REGION } from './discover-scopes.js';
import { accountIdOfArn, homeRegionOf, partitionOfArn } from './partition.js';
import { environmentRegion } from './resolve-regions.js';

/** What Organizations answers when the caller's account is the installation: in no organization, or not allowed to ask. */
const ACCOUNT_ANSWERS = ['AWSOrganizationsNotInUseException', 'AccessDeniedException'];
/** Calls in flight at once: two or three calls, one after the other. */
const PARALLELISM = 2;

/**
 * The installation a config that names none is: stable and unique per Organization. The
 * Organization's id (`o-...`, DescribeOrganization through `organizationRoleArn` when given, else with
 * the default credentials, as any member account may ask), else the caller's account id (an account in
 * no organization, or one denied the call). Throws what AWS answers otherwise (credentials that do not
 * work, Organizations unreachable): a passing failure must not make the run another installation.
 */
export async function defaultInstallationId(settings: AwsSettings, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const scheduler = new CallScheduler({ parallelism: PARALLELISM });
  const stsRegion = settings.regions[0] ?? environmentRegion(env) ?? BOOTSTRAP_REGION;
  const sts = makeStsClient(stsRegion, 'scheduler');
  try {
    const identity = await scheduler
      .call({ account: 'caller', region: stsRegion, service: 'sts' }, () => sts.send(new GetCallerIdentityCommand({})))
      .catch((error: unknown) => {
        throw callerIdentityError(error, stsRegion);
      });
    const callerAccountId = identity.Account!;
    const roleArn = settings.organizationRoleArn;
    const homeRegion = homeRegionOf(partitionOfArn(roleArn ?? identity.Arn ?? '') ?? 'aws');
    const credentials = roleArn ? assumeRoleCredentials(roleArn, settings.externalId, homeRegion, { scheduler, callerAccount: callerAccountId }) : undefined;
    const organizations = makeOrganizationsClient(homeRegion, credentials, 'scheduler');
    try {
      const lane = { account: roleArn ? accountIdOfArn(roleArn) : callerAccountId, region: homeRegion, service: 'organizations' as const };
      const answer = await scheduler.call(lane, () => organizations.send(new DescribeOrganizationCommand({})));
      return answer.Organization?.Id ?? callerAccountId;
    } catch (error) {
      // Only a definite answer picks the account: a passing failure must not change who this installation is.
      if (ACCOUNT_ANSWERS.includes(awsErrorName(error) ?? '')) return callerAccountId;
      throw new Aws2PortError('AwsRequestFailed', `Organizations DescribeOrganization in ${homeRegion} failed: ${describeAwsError(error)}`, {
        detail: "Without installationId in the config, aws2port names its installation by the Organization's id. Run again, or set installationId (see the README).",
        cause: error,
      });
    } finally {
      organizations.destroy();
    }
  } finally {
    sts.destroy();
  }
}
