import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Agent } from 'undici';
import { endpointFor, makeCloudControlClient, type AccountAccess, type SharedAgents } from './aws-clients.js';
import { sdkCloudControlApi, type CloudControlApi } from './cloud-control-api.js';
import { CLOUD_CONTROL_SIGNING_NAME, CloudControlWireClient } from './cloud-control-wire-client.js';
import { SigV4Signer } from './sigv4.js';

/**
 * One Cloud Control client per account and region, made on first use, each sending one attempt per
 * call (the scheduler retries). They speak Cloud Control's wire protocol themselves
 * (CloudControlWireClient: a fraction of the SDK's CPU per call), share one pool of keep-alive
 * connections (a read of hundreds of accounts opens as many sockets as it has calls in flight, and a
 * socket one account's call freed carries another's next call) and one signer (each day's signing
 * key derived once per account and region). Where the endpoint is one the wire client does not make
 * (FIPS, dual-stack, the isolated partitions), the SDK's client is used, on shared connections too.
 */
export class CloudControlClients {
  private readonly clients = new Map<string, CloudControlApi>();
  private readonly sdkClients: CloudControlClient[] = [];
  private readonly dispatcher = new Agent();
  private readonly signer = new SigV4Signer(CLOUD_CONTROL_SIGNING_NAME);
  private readonly agents: SharedAgents = {
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true }),
  };
  private callerCredentials: AwsCredentialIdentityProvider | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The client of `access`'s account in `region`. */
  get(access: AccountAccess, region: string): CloudControlApi {
    const key = `${access.accountId}/${region}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = this.make(access, region)));
    return client;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.sdkClients) client.destroy();
    this.clients.clear();
    this.sdkClients.length = 0;
    void this.dispatcher.close();
    this.agents.httpAgent.destroy();
    this.agents.httpsAgent.destroy();
  }

  private make(access: AccountAccess, region: string): CloudControlApi {
    const endpoint = wireEndpointOf(region, this.env);
    if (!endpoint) {
      const client = makeCloudControlClient(access, region, 'scheduler', this.agents);
      this.sdkClients.push(client);
      return sdkCloudControlApi(client);
    }
    // The caller's own account: the default chain, resolved once for every region (it caches and renews).
    const credentials = access.credentials ?? (this.callerCredentials ??= fromNodeProviderChain());
    return new CloudControlWireClient({ endpoint, region, credentials, signer: this.signer, dispatcher: this.dispatcher });
  }
}

/**
 * Cloud Control's endpoint in `region` as the wire client calls it: the `AWS_ENDPOINT_URL` override,
 * else the regional endpoint of the `aws`, `aws-cn` and `aws-us-gov` partitions; undefined (the SDK's
 * client decides) for FIPS or dual-stack endpoints and the isolated partitions.
 */
export function wireEndpointOf(region: string, env: NodeJS.ProcessEnv): URL | undefined {
  const override = endpointFor('CLOUDCONTROL', env);
  if (override) return new URL(override);
  if (isTrue(env.AWS_USE_FIPS_ENDPOINT) || isTrue(env.AWS_USE_DUALSTACK_ENDPOINT)) return undefined;
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d+$/.test(region)) return undefined;
  return new URL(`https://cloudcontrolapi.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`);
}

function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}
