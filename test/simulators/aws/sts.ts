import { createHash } from 'node:crypto';
import { AwsError } from './aws-error.js';
import { commonError } from './common-errors.js';
import { callerArn, type Caller } from './identify-caller.js';
import type { ServiceCall } from './simulator-context.js';
import { xmlEscape } from './xml-escape.js';

/** `arn:<partition>:iam::<account>:role/<path/><name>`. */
const ROLE_ARN = /^arn:([a-z-]+):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const DEFAULT_DURATION_SECONDS = 3600;

const validationError = (message: string): AwsError => new AwsError('ValidationError', message, 400);

/** STS (form body `Action=...&Version=2011-06-15`, XML answers): GetCallerIdentity and AssumeRole. */
export function sts(call: ServiceCall<URLSearchParams>): string {
  switch (call.operation) {
    case 'GetCallerIdentity':
      return getCallerIdentity(call);
    case 'AssumeRole':
      return assumeRole(call);
    default:
      throw commonError('unknownOperation', 'sts');
  }
}

function getCallerIdentity({ caller, requestId }: ServiceCall<URLSearchParams>): string {
  return xmlAnswer('GetCallerIdentity', `<Arn>${xmlEscape(callerArn(caller))}</Arn><UserId>${xmlEscape(userId(caller))}</UserId><Account>${caller.account}</Account>`, requestId);
}

function assumeRole({ caller, ctx, input, requestId }: ServiceCall<URLSearchParams>): string {
  const roleArn = input.get('RoleArn') ?? '';
  const arnMatch = ROLE_ARN.exec(roleArn);
  if (!arnMatch) throw validationError(`RoleArn '${roleArn}' is not a valid role ARN`);
  const [, partition, account, roleName] = arnMatch as unknown as [string, string, string, string];
  const sessionName = input.get('RoleSessionName') ?? '';
  if (!SESSION_NAME.test(sessionName)) throw validationError('RoleSessionName must be 2 to 64 characters of [\\w+=,.@-]');
  const durationText = input.get('DurationSeconds');
  const duration = durationText === null ? DEFAULT_DURATION_SECONDS : Number(durationText);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) throw validationError('DurationSeconds must be from 900 to 43200');

  const target = ctx.estate.accounts.find((a) => a.Id === account);
  const externalIdRefused = target?.requiredExternalId !== undefined && input.get('ExternalId') !== target.requiredExternalId;
  if (!target || ctx.faults.assumeRoleDenied.includes(account) || externalIdRefused) {
    throw new AwsError('AccessDenied', `User: ${callerArn(caller)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  }
  const lifetime = Math.min(duration, ctx.faults.credentialLifetimeSeconds ?? Infinity);
  const session = ctx.sessions.issue({ account, partition, roleName, sessionName }, lifetime);
  const assumedArn = `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`;
  return xmlAnswer(
    'AssumeRole',
    `<AssumedRoleUser><AssumedRoleId>${xmlEscape(roleId(account, roleName))}:${xmlEscape(sessionName)}</AssumedRoleId><Arn>${xmlEscape(assumedArn)}</Arn></AssumedRoleUser>` +
      `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${xmlEscape(session.secretAccessKey)}</SecretAccessKey>` +
      `<SessionToken>${xmlEscape(session.sessionToken)}</SessionToken><Expiration>${new Date(session.expiresAtMs).toISOString()}</Expiration></Credentials>`,
    requestId,
  );
}

/** The unique id of a user (`AIDA...`) or of an assumed-role session (`AROA...:session`). */
function userId(caller: Caller): string {
  const session = caller.session;
  return session ? `${roleId(caller.account, session.roleName)}:${session.sessionName}` : `AIDA${caller.account}SIMULATOR`;
}

function roleId(account: string, roleName: string): string {
  return `AROA${createHash('sha256').update(`${account}/${roleName}`).digest('hex').slice(0, 17).toUpperCase()}`;
}

function xmlAnswer(action: string, result: string, requestId: string): string {
  return (
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}
