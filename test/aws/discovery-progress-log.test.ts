import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discoveryProgressLog } from '../../src/aws/discovery-progress-log.js';
import { ManualClock } from './manual-clock.js';

describe(discoveryProgressLog.name, () => {
  it('writes a line when a phase starts, at most one every two seconds, and the last one', () => {
    const clock = new ManualClock();
    const lines: string[] = [];
    const report = discoveryProgressLog((line) => lines.push(line), clock);
    report({ phase: 'listing', listed: 20 });
    report({ phase: 'listing', listed: 40 });
    report({ phase: 'assuming', assumed: 1, total: 1000 });
    for (let i = 2; i < 1000; i++) report({ phase: 'assuming', assumed: i, total: 1000 });
    report({ phase: 'assuming', assumed: 1000, total: 1000 });
    assert.deepEqual(lines, ["Listing the Organization's accounts: 20 so far...", 'Assuming member roles: 1 of 1000...', 'Assuming member roles: 1000 of 1000']);
  });
});
