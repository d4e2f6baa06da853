import { ListAccountsCommand, type Account } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { makeOrganizationsClient } from './aws-clients.js';
import type { CallScheduler } from './call-scheduler.js';
import { listAllPages } from './list-all-pages.js';

/** Where ListAccounts is called, and as whom. */
export interface OrganizationReader {
  scheduler: CallScheduler;
  /** The account whose credentials call it (the scheduler lane's). */
  account: string;
  /** The partition's home region, where Organizations answers. */
  region: string;
  /** Undefined: the default credentials. */
  credentials: AwsCredentialIdentityProvider | undefined;
  /** Called with the accounts listed so far after each page. */
  onPage?: (listedSoFar: number) => void;
}

/** Every account of the Organization (ListAccounts to its last page); throws what Organizations answers. */
export async function listOrganizationAccounts(reader: OrganizationReader): Promise<Account[]> {
  const client = makeOrganizationsClient(reader.region, reader.credentials, 'scheduler');
  const lane = { account: reader.account, region: reader.region, service: 'organizations' as const };
  let listedSoFar = 0;
  try {
    return await listAllPages(
      (nextToken) => reader.scheduler.call(lane, () => client.send(new ListAccountsCommand({ NextToken: nextToken }))),
      (page) => {
        listedSoFar += page.Accounts?.length ?? 0;
        reader.onPage?.(listedSoFar);
        return page.Accounts ?? [];
      },
    );
  } finally {
    client.destroy();
  }
}
