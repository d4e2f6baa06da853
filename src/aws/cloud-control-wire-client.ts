import * as CloudControl from '@aws-sdk/client-cloudcontrol';
import type { GetResourceInput, GetResourceOutput, ListResourcesInput, ListResourcesOutput } from '@aws-sdk/client-cloudcontrol';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { Dispatcher } from 'undici';
import { aws2portVersion } from '../model/index.js';
import type { CloudControlApi } from './cloud-control-api.js';
import type { SigV4Signer } from './sigv4.js';

/** Cloud Control's JSON protocol: the target prefix of its operations, and the signing name. */
const TARGET_PREFIX = 'CloudApiService';
export const CLOUD_CONTROL_SIGNING_NAME = 'cloudcontrolapi';
const CONTENT_TYPE = 'application/x-amz-json-1.0';

/** Where the wire client sends one account's calls in one region, and as whom. */
export interface WireClientSettings {
  /** `https://cloudcontrolapi.eu-west-1.amazonaws.com`, or an override (`AWS_ENDPOINT_URL`). */
  endpoint: URL;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  signer: SigV4Signer;
  /** Keep-alive connections shared by every client of a read. */
  dispatcher: Dispatcher;
}

/**
 * Cloud Control over its wire protocol (awsJson1_0: a signed POST of the input as JSON, the operation
 * in `x-amz-target`), without the SDK's per-call machinery: no middleware stack resolved per call, no
 * retry step (the scheduler retries), no endpoint rules evaluated per call, no schema-driven serde.
 * Answers are the JSON documents the SDK would return; failures are the SDK's own exception classes
 * (name, `$fault` as the service model says, `$metadata.httpStatusCode`), so every caller classifies
 * them as it classifies the SDK's.
 */
export class CloudControlWireClient implements CloudControlApi {
  private readonly host: string;
  private readonly path: string;

  constructor(private readonly settings: WireClientSettings) {
    this.host = settings.endpoint.host;
    this.path = settings.endpoint.pathname || '/';
  }

  listResources(input: ListResourcesInput): Promise<ListResourcesOutput> {
    return this.call('ListResources', input);
  }

  getResource(input: GetResourceInput): Promise<GetResourceOutput> {
    return this.call('GetResource', input);
  }

  private async call<T>(operation: string, input: object): Promise<T> {
    const { endpoint, region, credentials, signer, dispatcher } = this.settings;
    // The origin and path go to the dispatcher as they are: no URL parsed per call.
    const body = JSON.stringify(input);
    const identity = await credentials();
    const headers = signer.sign({ host: this.host, path: this.path, headers: { 'content-type': CONTENT_TYPE, 'x-amz-target': `${TARGET_PREFIX}.${operation}` }, body }, identity, region, new Date());
    headers['user-agent'] = `aws2port/${aws2portVersion()}`;
    const answer = await dispatcher.request({ origin: endpoint.origin, path: this.path, method: 'POST', headers, body });
    const text = await answer.body.text();
    if (answer.statusCode === 200) return JSON.parse(text) as T;
    throw serviceException(answer.statusCode, answer.headers, text);
  }
}

type ExceptionClass = new (options: { message: string; $metadata: object }) => CloudControl.CloudControlServiceException;

/** An error answer as the SDK throws it: its modelled exception class when it has one, else the service's base exception. */
function serviceException(status: number, headers: Dispatcher.ResponseData['headers'], text: string): Error {
  let document: Record<string, unknown> = {};
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON (a proxy's page): the status says what it is
  }
  const header = headers['x-amzn-errortype'];
  const rawName = (typeof header === 'string' ? header : undefined) ?? stringOf(document.__type) ?? stringOf(document.code) ?? `Http${status}Error`;
  const name = rawName.split(':')[0]!.split('#').pop()!;
  const message = stringOf(document.Message) ?? stringOf(document.message) ?? name;
  const requestId = headers['x-amzn-requestid'];
  const $metadata = { httpStatusCode: status, ...(typeof requestId === 'string' ? { requestId } : {}) };
  const modelled = (CloudControl as unknown as Record<string, unknown>)[name];
  const error =
    typeof modelled === 'function' && modelled.prototype instanceof CloudControl.CloudControlServiceException
      ? new (modelled as ExceptionClass)({ message, $metadata })
      : new CloudControl.CloudControlServiceException({ name, $fault: status >= 500 ? 'server' : 'client', message, $metadata });
  const retryAfter = headers['retry-after'];
  return Object.assign(error, { $response: { statusCode: status, headers: typeof retryAfter === 'string' ? { 'retry-after': retryAfter } : {} } });
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
