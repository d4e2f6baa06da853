import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { makeCloudControlClient, type AccountAccess, type SharedAgents } from './aws-clients.js';

/**
 * One Cloud Control client per account and region, made on first use, each sending one attempt per
 * call (the scheduler retries). All of them share one pool of keep-alive connections: a read of
 * hundreds of accounts opens as many sockets as it has calls in flight, not a pool per client, and
 * a socket one account's call freed carries another account's next call.
 */
export class CloudControlClients {
  private readonly clients = new Map<string, CloudControlClient>();
  private readonly agents: SharedAgents = {
    httpAgent: new HttpAgent({ keepAlive: true }),
    httpsAgent: new HttpsAgent({ keepAlive: true }),
  };

  /** The client of `access`'s account in `region`. */
  get(access: AccountAccess, region: string): CloudControlClient {
    const key = `${access.accountId}/${region}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = makeCloudControlClient(access, region, 'scheduler', this.agents)));
    return client;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.agents.httpAgent.destroy();
    this.agents.httpsAgent.destroy();
  }
}
