import type { IncomingHttpHeaders } from 'node:http';
import type { AwsService } from './aws-service.js';
import { commonError } from './common-errors.js';
import type { Estate } from './estate.js';
import type { AssumedSession, SessionStore } from './session-store.js';

/** Who made a call, read from its SigV4 signature. */
export interface Caller {
  accessKeyId: string;
  /** 12 digits, an account of the estate. */
  account: string;
  /** The region of the credential scope. */
  region: string;
  /** Set when the call was signed with AssumeRole credentials. */
  session?: AssumedSession;
}

/** What a signature names before it is checked against the estate. */
export interface SignatureScope {
  accessKeyId: string;
  region: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

/** Key id and region from the `Authorization` header; undefined when the call is not SigV4-signed. */
export function readSignatureScope(headers: IncomingHttpHeaders): SignatureScope | undefined {
  const match = CREDENTIAL.exec(headers.authorization ?? '');
  if (!match) return undefined;
  return { accessKeyId: match[1] as string, region: match[2] as string };
}

/** The account an access key id names: its first run of exactly 12 digits; undefined when it has none. */
export function accountOfAccessKey(accessKeyId: string): string | undefined {
  return accessKeyId.match(/\d+/g)?.find((run) => run.length === 12);
}

/**
 * The caller of a call to `service`. Throws the AwsError that service answers for a missing
 * signature, an account not in the estate, an unknown session token, or an expired one.
 */
export function identifyCaller(
  headers: IncomingHttpHeaders,
  service: AwsService,
  estate: Estate,
  sessions: SessionStore,
  nowMs: number,
): Caller {
  const scope = readSignatureScope(headers);
  if (!scope) throw commonError('missingAuthentication', service);
  const account = accountOfAccessKey(scope.accessKeyId);
  if (account === undefined || !estate.accounts.some((a) => a.Id === account)) {
    throw commonError('unrecognizedClient', service);
  }
  const token = headers['x-amz-security-token'];
  if (typeof token !== 'string') {
    if (scope.accessKeyId.startsWith('ASIA')) throw commonError('unrecognizedClient', service);
    return { ...scope, account };
  }
  const session = sessions.find(token);
  if (!session || session.accessKeyId !== scope.accessKeyId) throw commonError('unrecognizedClient', service);
  if (nowMs >= session.expiresAtMs) throw commonError('expiredToken', service);
  return { ...scope, account, session };
}

/** The caller's IAM ARN: the simulator's user, or the assumed-role session. */
export function callerArn(caller: Caller): string {
  const session = caller.session;
  if (!session) return `arn:aws:iam::${caller.account}:user/simulator`;
  return `arn:${session.partition}:sts::${caller.account}:assumed-role/${session.roleName}/${session.sessionName}`;
}
