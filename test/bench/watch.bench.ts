import { performance } from 'node:perf_hooks';
import { buildResource, type EstateResource } from '../simulators/aws/index.js';
import type { WriteRecord } from '../simulators/port/index.js';
import { demoEstate, startWorld, type World } from '../support/world.js';
import { cloudTrailEvent } from '../watch/event-builders.js';
import { startWatch, waitUntil, type WatchProcess } from '../watch/watch-process.js';

/**
 * `aws2port watch`, event-to-Port latency: from the moment an event enters the SQS queue to the
 * moment Port (the simulator) has confirmed the write it causes, for a burst of 1,000 events and for
 * a steady 50 events/s, simulators without added latency. The CLI runs as its own process (as in
 * production); the simulators run here, so that both clocks are this one. Target: p95 under 1 s.
 * The first burst meets a process just started (its JIT cold); it is reported on its own row, and the
 * target applies to the runs after it, as for a daemon that has been running.
 */

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const BURST = 1000;
const STEADY_RATE_PER_SECOND = 50;
const STEADY_SECONDS = 20;
const TARGET_P95_MS = 1000;

interface Scenario {
  name: string;
  latenciesMs: number[];
  elapsedMs: number;
  /** False for the row the target does not apply to (the cold start). */
  isTargeted: boolean;
}

const instanceId = (i: number) => `i-0b${i.toString(16).padStart(15, '0')}`;
const newInstance = (i: number, team: string): EstateResource => buildResource({ type: 'AWS::EC2::Instance', account: ACCOUNT, region: REGION, name: instanceId(i), tags: { team } });

/** When Port first confirmed a write naming each identifier at or after `since` (epoch ms). */
function confirmedAt(writes: readonly WriteRecord[], since: number): Map<string, number> {
  const at = new Map<string, number>();
  for (const write of writes) {
    const time = Date.parse(write.at);
    if (time < since || write.status >= 300 && write.status !== 207) continue;
    for (const id of write.identifiers) if (!write.failed?.includes(id) && !at.has(id)) at.set(id, time);
  }
  return at;
}

async function measure(world: World, name: string, sentAt: Map<string, number>, started: number): Promise<Scenario> {
  await waitUntil(() => {
    const confirmed = confirmedAt(world.port.writes, started);
    return [...sentAt.keys()].every((id) => confirmed.has(id));
  }, `every event of "${name}" reached Port`, 120_000);
  const confirmed = confirmedAt(world.port.writes, started);
  const latenciesMs = [...sentAt].map(([id, sent]) => confirmed.get(id)! - sent);
  return { name, latenciesMs, elapsedMs: 0, isTargeted: true };
}

async function burst(world: World, queueUrl: string, name: string, first: number, isTargeted: boolean): Promise<Scenario> {
  // GIVEN 1,000 instances that appeared in AWS after the last resync
  world.aws.estate.resources.push(...Array.from({ length: BURST }, (_, i) => newInstance(first + i, 'burst')));
  world.aws.estateChanged();
  // WHEN their RunInstances events all arrive at once
  const started = Date.now();
  const startedPerf = performance.now();
  const sentAt = new Map<string, number>();
  for (let i = first; i < first + BURST; i++) {
    const event = cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'RunInstances', account: ACCOUNT, region: REGION, responseElements: { instancesSet: { items: [{ instanceId: instanceId(i) }] } } });
    world.aws.sendMessage(queueUrl, JSON.stringify(event));
    sentAt.set(instanceId(i), Date.now());
  }
  const scenario = await measure(world, name, sentAt, started);
  return { ...scenario, elapsedMs: performance.now() - startedPerf, isTargeted };
}

async function steady(world: World, queueUrl: string): Promise<Scenario> {
  // GIVEN the same instances, retagged one by one at 50 a second, each with its CreateTags event
  const total = STEADY_RATE_PER_SECOND * STEADY_SECONDS;
  const started = Date.now();
  const startedPerf = performance.now();
  const sentAt = new Map<string, number>();
  const byId = new Map(world.aws.estate.resources.map((r) => [r.identifier, r]));
  for (let i = 0; i < total; i++) {
    const due = startedPerf + (i * 1000) / STEADY_RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const instance = byId.get(instanceId(i))!;
    instance.properties = { ...instance.properties, Tags: [{ Key: 'team', Value: `steady-${i}` }] };
    const event = cloudTrailEvent({ source: 'ec2.amazonaws.com', name: 'CreateTags', account: ACCOUNT, region: REGION, requestParameters: { resourcesSet: { items: [{ resourceId: instance.identifier }] } } });
    world.aws.sendMessage(queueUrl, JSON.stringify(event));
    sentAt.set(instance.identifier, Date.now());
  }
  const scenario = await measure(world, `steady ${STEADY_RATE_PER_SECOND}/s for ${STEADY_SECONDS} s`, sentAt, started);
  return { ...scenario, elapsedMs: performance.now() - startedPerf, isTargeted: true };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(scenarios: readonly Scenario[], watch: { histogramCount: number }): boolean {
  const pad = (text: string, width: number) => text.padEnd(width);
  const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
  process.stdout.write('event-to-Port latency, aws2port watch against the simulators (no added latency)\n\n');
  process.stdout.write(`${pad('scenario', 30)}${pad('events', 8)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}   wall     p95 < ${TARGET_P95_MS} ms\n`);
  let isMet = true;
  for (const s of scenarios) {
    const sorted = [...s.latenciesMs].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    if (s.isTargeted) isMet &&= p95 < TARGET_P95_MS;
    const verdict = !s.isTargeted ? '(not targeted)' : p95 < TARGET_P95_MS ? 'yes' : 'NO';
    process.stdout.write(`${pad(s.name, 30)}${pad(String(sorted.length), 8)}${ms(percentile(sorted, 50))}${ms(p95)}${ms(percentile(sorted, 99))}${ms(sorted.at(-1)!)}   ${(s.elapsedMs / 1000).toFixed(1).padStart(5)} s  ${verdict}\n`);
  }
  process.stdout.write(`\nwatch's own histogram (aws2port_watch_event_to_port_seconds) counted ${watch.histogramCount} events.\n`);
  return isMet;
}

const estate = demoEstate();
const world = await startWorld({ estate });
let watch: WatchProcess | undefined;
try {
  const queueUrl = world.aws.createQueue('bench-events', { visibilityTimeoutSeconds: 30 });
  watch = await startWatch(world, queueUrl, ['--resync-interval', '0']);
  const scenarios = [
    await burst(world, queueUrl, `burst of ${BURST}, cold process`, 0, false),
    await burst(world, queueUrl, `burst of ${BURST}`, BURST, true),
    await steady(world, queueUrl),
  ];
  const histogramCount = await watch.metric('aws2port_watch_event_to_port_seconds_count');
  const isMet = report(scenarios, { histogramCount });
  const failed = await watch.metric('aws2port_watch_events_total', { outcome: 'failed' });
  if (failed > 0) process.stdout.write(`${failed} messages failed and were retried\n`);
  process.exitCode = isMet ? 0 : 1;
} finally {
  await watch?.stop();
  await world.close();
}
