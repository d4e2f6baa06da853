import type { Account } from '@aws-sdk/client-organizations';
import { ORGANIZATIONS_ACCOUNT_KIND } from '../model/index.js';
import type { RawItem } from './raw-item.js';

/**
 * An Organizations account as the mapping sees it: the account fields, `JoinedTimestamp` as text in
 * the form `2023-11-14 22:13:20.123000+00:00` (what the seed's `sub(" "; "T")` expects), and `Status`
 * filled from `State` where AWS no longer sends it (retired in 2026), so older mappings keep working.
 */
export function organizationAccountItem(account: Account, region: string): RawItem {
  return {
    Id: account.Id,
    Arn: account.Arn,
    Email: account.Email,
    Name: account.Name,
    Status: account.Status ?? account.State,
    State: account.State ?? account.Status,
    JoinedMethod: account.JoinedMethod,
    JoinedTimestamp: account.JoinedTimestamp ? formatJoinedTimestamp(account.JoinedTimestamp) : undefined,
    __Kind: ORGANIZATIONS_ACCOUNT_KIND,
    __AccountId: account.Id ?? '',
    __Region: region,
  };
}

/** `2023-11-14 22:13:20.123000+00:00`: date, a space, time, a 6-digit fraction only when non-zero, the offset. */
export function formatJoinedTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2023-11-14T22:13:20.123Z
  const [day, time] = iso.slice(0, -1).split('T') as [string, string];
  const [whole, millis] = time.split('.') as [string, string];
  const fraction = Number(millis) === 0 ? '' : `.${millis}000`;
  return `${day} ${whole}${fraction}+00:00`;
}
