import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrometheusRegistry, WatchMetrics } from '../../src/watch/index.js';

describe('PrometheusRegistry', () => {
  it('renders counters, gauges and histograms in the text exposition format', async () => {
    const registry = new PrometheusRegistry();
    const events = registry.counter('x_events_total', 'Events.', ['outcome']);
    events.inc({ outcome: 'applied' });
    events.inc({ outcome: 'applied' }, 2);
    events.inc({ outcome: 'say "hi"\\' });
    registry.gauge('x_lag_seconds', 'Lag.').set(1.5);
    const latency = registry.histogram('x_latency_seconds', 'Latency.', [0.1, 1]);
    latency.observe(0.05);
    latency.observe(0.5);
    latency.observe(3);
    assert.equal(
      await registry.render(),
      [
        '# HELP x_events_total Events.',
        '# TYPE x_events_total counter',
        'x_events_total{outcome="applied"} 3',
        'x_events_total{outcome="say \\"hi\\"\\\\"} 1',
        '',
        '# HELP x_lag_seconds Lag.',
        '# TYPE x_lag_seconds gauge',
        'x_lag_seconds 1.5',
        '',
        '# HELP x_latency_seconds Latency.',
        '# TYPE x_latency_seconds histogram',
        'x_latency_seconds_bucket{le="0.1"} 1',
        'x_latency_seconds_bucket{le="1"} 2',
        'x_latency_seconds_bucket{le="+Inf"} 3',
        'x_latency_seconds_sum 3.55',
        'x_latency_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('exports every outcome of watch at 0 before the first event', async () => {
    const text = await new WatchMetrics().registry.render();
    for (const outcome of ['applied', 'failed', 'poison', 'dropped', 'unknown_event', 'unmapped_kind']) assert.match(text, new RegExp(`aws2port_watch_events_total\\{outcome="${outcome}"\\} 0`));
    assert.match(text, /aws2port_watch_event_to_port_seconds_bucket\{le="1"\} 0/);
    assert.match(text, /aws2port_watch_queue_lag_seconds 0/);
    assert.match(text, /aws2port_watch_errors_total\{stage="receive"\} 0/);
    for (const reason of ['unparseable', 'unmappable']) assert.match(text, new RegExp(`aws2port_watch_poison_messages_total\\{reason="${reason}"\\} 0`));
  });

  it("exports the process's CPU, memory, event-loop lag, GC pauses and handles", async () => {
    const text = await new WatchMetrics().registry.render();
    for (const family of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_gc_duration_seconds', 'nodejs_active_handles_total']) {
      assert.match(text, new RegExp(`^# TYPE ${family} `, 'm'), family);
    }
  });
});
