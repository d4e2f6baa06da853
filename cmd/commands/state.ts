import { Aws2PortError } from '../../src/errors/index.js';
import { forceUnlock } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { openStore } from '../open-store.js';
import type { Output } from '../output.js';

/** `aws2port state list | show ADDRESS | unlock LOCK_ID`. A missing state file records nothing, and is not created. */
export async function runState(args: Extract<Args, { command: 'state list' | 'state show' | 'state unlock' }>, output: Output): Promise<number> {
  const store = openStore(args, 'empty');
  try {
    if (args.command === 'state list') {
      for (const record of store.listEntities()) {
        if (args.json) output.json({ address: `${record.blueprint}.${record.identifier}`, scope: record.scope, aws_identifier: record.awsIdentifier });
        else output.stdout.write(`${record.blueprint}.${record.identifier}\n`);
      }
      return 0;
    }
    if (args.command === 'state show') {
      const dot = args.address.indexOf('.');
      const record = dot > 0 ? store.getEntity(args.address.slice(0, dot), args.address.slice(dot + 1)) : undefined;
      if (!record) {
        throw new Aws2PortError('InvalidArgument', `The state records no entity ${args.address}.`, {
          detail: 'An address is BLUEPRINT.IDENTIFIER; `aws2port state list` lists them.',
          subject: args.address,
        });
      }
      output.stdout.write(`${JSON.stringify({ address: args.address, scope: record.scope, aws_identifier: record.awsIdentifier, entity: record.entity }, null, 2)}\n`);
      return 0;
    }
    if (!forceUnlock(store.db, args.lockId)) {
      throw new Aws2PortError('InvalidArgument', `No lock ${args.lockId} is held on this state.`, { subject: args.lockId });
    }
    output.log(`Released lock ${args.lockId}.`);
    return 0;
  } finally {
    store.db.close();
  }
}
