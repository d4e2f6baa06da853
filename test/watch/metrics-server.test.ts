import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startMetricsServer } from '../../src/watch/index.js';

describe('startMetricsServer', () => {
  it('serves /metrics, /healthz (200 or 503 with the reason) and 404 for anything else', async () => {
    let isHealthy = true;
    const server = await startMetricsServer(0, async () => 'a_total 1\n', () => ({ isHealthy, detail: { last_receive_age_seconds: 3 } }), '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const metrics = await fetch(`${base}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      assert.equal(await metrics.text(), 'a_total 1\n');
      assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok', last_receive_age_seconds: 3 });
      isHealthy = false;
      const unhealthy = await fetch(`${base}/healthz`);
      assert.equal(unhealthy.status, 503);
      assert.equal(((await unhealthy.json()) as { status: string }).status, 'unhealthy');
      const other = await fetch(`${base}/`);
      assert.equal(other.status, 404);
      await other.text();
    } finally {
      await server.close();
    }
  });

  it('answers 500 when the metrics cannot be rendered, and goes on serving', async () => {
    let isBroken = true;
    const render = async () => {
      if (isBroken) throw new Error('collector failed');
      return 'a_total 1\n';
    };
    const server = await startMetricsServer(0, render, () => ({ isHealthy: true, detail: {} }), '127.0.0.1');
    try {
      const broken = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      assert.equal(broken.status, 500);
      await broken.text();
      isBroken = false;
      assert.equal(await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text(), 'a_total 1\n');
    } finally {
      await server.close();
    }
  });
});
