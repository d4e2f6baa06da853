import type { AwsService } from './aws-service.js';
import { commonError } from './common-errors.js';
import type { AwsFaults, ThrottleSetting } from './faults.js';
import type { Caller } from './identify-caller.js';
import type { SeededRandom } from './seeded-random.js';
import { TokenBuckets } from './token-buckets.js';

/**
 * The faults of a busy service, checked before a call reaches its handler: a share of server
 * errors, a share of throttling, and the token bucket per (account, region, operation), or per
 * (account, region) when the setting says `per: 'region'`.
 */
export class LoadFaults {
  #buckets = new TokenBuckets();
  #bucketsSetting: ThrottleSetting | null = null;

  constructor(
    /** Decides the shares; its own stream so other randomness does not shift it. */
    private readonly random: SeededRandom,
  ) {}

  /** Throws the AwsError `service` answers when one of the faults hits this call. */
  check(faults: AwsFaults, service: AwsService, operation: string, caller: Caller, nowMs: number): void {
    if (faults.loadFaultServices.length > 0 && !faults.loadFaultServices.includes(service)) return;
    if (faults.serverErrorShare > 0 && this.random.next() < faults.serverErrorShare) throw commonError('internal', service);
    if (faults.throttleShare > 0 && this.random.next() < faults.throttleShare) throw commonError('throttled', service);
    if (!faults.throttle) return;
    // A new throttle setting starts with full buckets, so a test's setting does not inherit the previous test's debt.
    if (faults.throttle !== this.#bucketsSetting) {
      this.#buckets = new TokenBuckets();
      this.#bucketsSetting = faults.throttle;
    }
    const key = `${service}\u0000${caller.account}\u0000${caller.region}\u0000${faults.throttle.per === 'region' ? '' : operation}`;
    if (!this.#buckets.take(key, faults.throttle, nowMs)) throw commonError('throttled', service);
  }
}
