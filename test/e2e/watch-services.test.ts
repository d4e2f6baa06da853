import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EstateResource } from '../simulators/aws/index.js';
import { demoEstate, seedConfigWithRegions, startWorld, type World } from '../support/world.js';
import { startWatch, waitUntil, type WatchProcess } from '../watch/watch-process.js';
import { EXTRA_RESOURCES_YAML, WATCHED_SERVICES } from '../watch/watched-services.js';

const MEMBER = '222222222222';
const MANAGEMENT = '111111111111';

/** One new resource per supported service, half of them in the member account. */
function newResources(): Array<{ service: (typeof WATCHED_SERVICES)[number]; resource: EstateResource }> {
  return WATCHED_SERVICES.map((service, i) => {
    const account = i % 2 === 0 ? MEMBER : MANAGEMENT;
    const region = i % 3 === 0 ? 'eu-west-1' : 'us-east-1';
    const name = service.kind === 'AWS::EC2::Instance' ? `i-0e2e${String(i).padStart(13, '0')}` : `watch-e2e-${i}`;
    return { service, resource: service.resource(account, region, name, { team: 'checkout' }) };
  });
}

describe('watch: create, tag and delete events of every supported service reach Port', () => {
  let world: World;
  let watch: WatchProcess;
  let queueUrl: string;
  const created = newResources();
  const entity = (r: (typeof created)[number]) => world.port.entity('cloudResource', r.service.entityIdentifier(r.resource));
  const send = (event: unknown) => world.aws.sendMessage(queueUrl, JSON.stringify(event));

  before(async () => {
    const estate = demoEstate();
    estate.types = { 'AWS::IAM::Role': { global: true } };
    world = await startWorld({ estate, configText: seedConfigWithRegions() + EXTRA_RESOURCES_YAML });
    queueUrl = world.aws.createQueue('aws2port-events', { visibilityTimeoutSeconds: 2 });
    watch = await startWatch(world, queueUrl);
  });
  after(async () => {
    await watch?.stop();
    if (process.env.SHOW_WATCH_LOGS) for (const l of watch.logs) console.log(JSON.stringify(l));
    await world?.close();
  });

  it('creates the entity of each new resource', async () => {
    for (const { service, resource } of created) {
      for (const parent of service.parents?.(resource) ?? []) world.aws.putResource(parent);
      world.aws.putResource(resource);
      send(service.create(resource));
    }
    await waitUntil(() => created.every((r) => entity(r) !== undefined), 'every created resource is in Port');
    for (const r of created) assert.deepEqual(entity(r)?.properties.tags, [{ Key: 'team', Value: 'checkout' }], r.service.kind);
  });

  it('updates the tags of each resource', async () => {
    for (const { service, resource } of created) {
      world.aws.putResource({ ...resource, properties: { ...resource.properties, Tags: [{ Key: 'team', Value: 'payments' }] } });
      send(service.tag(resource));
    }
    await waitUntil(() => created.every((r) => JSON.stringify(entity(r)?.properties.tags) === JSON.stringify([{ Key: 'team', Value: 'payments' }])), 'every resource shows its new tag in Port');
  });

  it('deletes the entity of each deleted resource, the ARN-identified ECS cluster included', async () => {
    for (const { service, resource } of created) {
      assert.ok(world.aws.removeResource(resource.type, resource.account, resource.identifier), resource.type);
      send(service.delete(resource));
    }
    await waitUntil(() => created.every((r) => entity(r) === undefined), 'every deleted resource is gone from Port');
    const cluster = created.find((r) => r.service.kind === 'AWS::ECS::Cluster')!;
    assert.match(cluster.service.entityIdentifier(cluster.resource), /^arn:aws:ecs:/);
  });

  it('acknowledges every message as applied and leaves the queue empty', async () => {
    await waitUntil(async () => (await watch.metric('aws2port_watch_events_total', { outcome: 'applied' })) === created.length * 3, `all ${created.length * 3} messages are counted applied`);
    await waitUntil(() => {
      const depth = world.aws.queueDepth(queueUrl);
      return depth.visible + depth.inFlight === 0;
    }, 'the queue is empty');
    assert.equal(await watch.metric('aws2port_watch_events_total', { outcome: 'failed' }), 0);
    assert.ok((await watch.metric('aws2port_watch_event_to_port_seconds_count')) === created.length * 3);
    assert.deepEqual(watch.otherOutput, []);
  });
});
