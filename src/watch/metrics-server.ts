import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aws2PortError } from '../errors/index.js';

/** What `/healthz` says. */
export interface HealthReport {
  isHealthy: boolean;
  /** Shown in the answer's JSON body. */
  detail: Record<string, unknown>;
}

/** A running metrics server. */
export interface MetricsServer {
  /** The port it listens on (the one asked for, or the one chosen for 0). */
  port: number;
  close(): Promise<void>;
}

/** The Content-Type of the Prometheus text exposition format. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Serves `GET /metrics` (Prometheus text format, as `render` gives it) and `GET /healthz` (200 when
 * healthy, else 503; a JSON body says why) on every interface, for Kubernetes probes and scrapers.
 * Anything else is 404; a `render` that fails answers 500. Throws Aws2PortError `InvalidArgument` when
 * it cannot listen on `port` (in use, not allowed).
 */
export async function startMetricsServer(port: number, render: () => Promise<string>, health: () => HealthReport, host?: string): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/metrics') {
      render().then(
        (text) => {
          response.writeHead(200, { 'content-type': PROMETHEUS_TEXT });
          response.end(text);
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`metrics failed: ${String(error)}\n`);
        },
      );
    } else if (request.method === 'GET' && path === '/healthz') {
      const report = health();
      response.writeHead(report.isHealthy ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: report.isHealthy ? 'ok' : 'unhealthy', ...report.detail }));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found: try /metrics or /healthz\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) =>
      reject(new Aws2PortError('InvalidArgument', `Cannot serve metrics on port ${port}: ${cause.code ?? cause.message}.`, { detail: 'Choose a free port with --metrics-port (0 picks one).', subject: String(port), cause })),
    );
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
