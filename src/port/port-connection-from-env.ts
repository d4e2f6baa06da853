import { DEFAULT_HOST_CONCURRENCY } from '../concurrency/index.js';
import { Aws2PortError } from '../errors/index.js';
import type { PortConnection } from './port-http.js';
import { portUserAgent, type PortWriter } from './port-user-agent.js';

/** Port's EU API, the default. */
const DEFAULT_PORT_BASE_URL = 'https://api.port.io';

/**
 * The Port connection from PORT_CLIENT_ID, PORT_CLIENT_SECRET and PORT_BASE_URL; `connections`: the user's
 * cap, else the host's default; `writer`: the installation and shard its User-Agent names.
 */
export function portConnectionFromEnv(env: NodeJS.ProcessEnv, connections = DEFAULT_HOST_CONCURRENCY, writer: PortWriter = {}): PortConnection {
  const clientId = env.PORT_CLIENT_ID;
  const clientSecret = env.PORT_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new Aws2PortError('PortAuthFailed', 'Port credentials are missing.', {
      detail: 'Set PORT_CLIENT_ID and PORT_CLIENT_SECRET (Port: Settings > Credentials), and PORT_BASE_URL for the US region (https://api.us.port.io).',
    });
  }
  return {
    baseUrl: env.PORT_BASE_URL || DEFAULT_PORT_BASE_URL,
    clientId,
    clientSecret,
    userAgent: portUserAgent(writer),
    connections,
  };
}
