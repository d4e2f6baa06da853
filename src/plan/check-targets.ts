import type { ResolvedConfig } from '../config/index.js';
import { Aws2PortError } from '../errors/index.js';

/**
 * Throws Aws2PortError `InvalidArgument` for a `--target` kind that the config does not map and the
 * state records nothing of: such a target (a typo, most often) would read nothing and plan "No
 * changes". A kind only the state knows is a fair target: its entities may be planned for deletion.
 */
export function checkTargets(targets: readonly string[], config: ResolvedConfig, stateKinds: Iterable<string>): void {
  const known = new Set([...config.resources.map((resource) => resource.kind), ...stateKinds]);
  const unknown = targets.filter((kind) => !known.has(kind));
  if (unknown.length === 0) return;
  const one = unknown.length === 1;
  throw new Aws2PortError(
    'InvalidArgument',
    `--target ${unknown.join(', ')}: no resource config maps ${one ? 'this kind' : 'these kinds'}, and the state records no entity of ${one ? 'it' : 'them'}.`,
    { detail: `The config maps: ${[...new Set(config.resources.map((resource) => resource.kind))].join(', ')}.` },
  );
}
