import type { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { makeCloudControlClient, type AccountAccess } from './aws-clients.js';

/**
 * One Cloud Control client per account and region, made on first use, each sending one attempt per
 * call (the scheduler retries).
 */
export class CloudControlClients {
  private readonly clients = new Map<string, CloudControlClient>();

  /** The client of `access`'s account in `region`. */
  get(access: AccountAccess, region: string): CloudControlClient {
    const key = `${access.accountId}/${region}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = makeCloudControlClient(access, region, 'scheduler')));
    return client;
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
