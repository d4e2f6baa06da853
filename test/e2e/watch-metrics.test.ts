import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricValue, useWatchedWorld, type WatchProcess } from '../watch/watch-process.js';

/** The metric names watch has served since it had metrics: dashboards and alerts depend on them. */
const WATCH_METRICS = [
  'aws2port_watch_events_total',
  'aws2port_watch_resources_applied_total',
  'aws2port_watch_resource_reads_total',
  'aws2port_watch_event_to_port_seconds',
  'aws2port_watch_queue_lag_seconds',
  'aws2port_watch_messages_in_hand',
  'aws2port_watch_errors_total',
  'aws2port_watch_resyncs_total',
  'aws2port_watch_last_resync_success_timestamp_seconds',
];

/** What an operator looks at first when a runner misbehaves: CPU, memory, event loop, GC, handles. */
const PROCESS_METRICS = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_open_fds',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_seconds',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_gc_duration_seconds',
  'nodejs_active_handles_total',
];

describe('watch: /metrics', () => {
  let watch: WatchProcess;
  useWatchedWorld({ visibilityTimeoutSeconds: 30 }, (started) => ({ watch } = started));

  it('serves every metric name of earlier releases, and the process and event-loop metrics', async () => {
    const text = await watch.metrics();
    for (const name of [...WATCH_METRICS, ...PROCESS_METRICS]) assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name);
  });

  it('counts the first resync and the CPU the process has used', async () => {
    const text = await watch.metrics();
    assert.equal(metricValue(text, 'aws2port_watch_resyncs_total', { outcome: 'succeeded' }), 1);
    assert.ok(metricValue(text, 'aws2port_watch_last_resync_success_timestamp_seconds') > 0);
    assert.ok(metricValue(text, 'process_cpu_seconds_total') > 0);
    assert.ok(metricValue(text, 'process_resident_memory_bytes') > 0);
  });
});
