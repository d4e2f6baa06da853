import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeWatchLogger } from '../../src/watch/index.js';

const at = () => new Date('2024-05-01T10:20:30.000Z');

describe('makeWatchLogger', () => {
  it('writes one JSON object per line with time, level, event code, message and fields', () => {
    const lines: string[] = [];
    const log = makeWatchLogger({ write: (l) => lines.push(l), isJson: true, isDebug: false, isQuiet: false, now: at });
    log.log('warn', 'message_failed', 'message m1 stays', { message_id: 'm1', receive_count: 2 });
    assert.deepEqual(lines, ['{"time":"2024-05-01T10:20:30.000Z","level":"warn","event":"message_failed","msg":"message m1 stays","message_id":"m1","receive_count":2}\n']);
  });

  it('writes a short line for people on a terminal', () => {
    const lines: string[] = [];
    makeWatchLogger({ write: (l) => lines.push(l), isJson: false, isDebug: false, isQuiet: false, now: at }).log('info', 'resync_started', 'full resync', { n: 1 });
    assert.deepEqual(lines, ['10:20:30 info  full resync  n=1\n']);
  });

  it('drops debug lines unless --debug, and info lines with --quiet', () => {
    const lines: string[] = [];
    const quiet = makeWatchLogger({ write: (l) => lines.push(l), isJson: true, isDebug: false, isQuiet: true, now: at });
    quiet.log('debug', 'a', 'a');
    quiet.log('info', 'b', 'b');
    quiet.log('error', 'c', 'c');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { event: string }).event), ['c']);
  });
});
