import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostLoadGuard } from '../../src/concurrency/index.js';

describe(HostLoadGuard.name, () => {
  it('allows its cap while the event loop keeps time', () => {
    const guard = new HostLoadGuard({ cap: 100, sampleMs: 1000 }, () => ({ lagMs: 0, cpuShare: 1 }));
    for (let t = 0; t <= 10_000; t += 500) assert.equal(guard.limit(t, 100), 100);
  });

  it('lowers the limit below what was in flight when the loop lags, down to its floor, then climbs back', () => {
    let lagMs = 0;
    const guard = new HostLoadGuard({ cap: 500, floor: 8, sampleMs: 1000, lagThresholdMs: 40, decreaseFactor: 0.5, increaseFactor: 2 }, () => ({ lagMs, cpuShare: 1 }));
    guard.limit(0, 0);
    lagMs = 100;
    // 200 in flight during the sample: the limit drops below them, not just below the cap
    assert.equal(guard.limit(500, 200), 500);
    assert.equal(guard.limit(1000, 200), 100);
    assert.equal(guard.limit(2000, 100), 50);
    for (let t = 3000; t < 10_000; t += 1000) guard.limit(t, 50);
    assert.equal(guard.limit(10_000, 8), 8);
    lagMs = 0;
    assert.equal(guard.limit(11_000, 8), 16);
    for (let t = 12_000; t < 20_000; t += 1000) guard.limit(t, 8);
    assert.equal(guard.limit(20_000, 8), 500);
  });

  it('keeps its limit when the loop lags but the process gets little CPU (other processes starve it)', () => {
    const guard = new HostLoadGuard({ cap: 100, sampleMs: 1000 }, () => ({ lagMs: 500, cpuShare: 0.2 }));
    for (let t = 0; t <= 10_000; t += 1000) assert.equal(guard.limit(t, 100), 100);
  });

  it('never goes above a cap below its floor', () => {
    const guard = new HostLoadGuard({ cap: 3, floor: 8 }, () => ({ lagMs: 1000, cpuShare: 1 }));
    for (let t = 0; t <= 10_000; t += 1000) assert.ok(guard.limit(t, 3) <= 3);
  });
});
