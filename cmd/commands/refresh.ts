import { refreshState } from '../../src/refresh/index.js';
import { PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { acquireStateLock } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { openStore } from '../open-store.js';
import type { Output } from '../output.js';

/**
 * `aws2port refresh`: records in the state what Port really holds of our entities, and prints the
 * drift. Without a state file there is nothing to check, and none is created.
 */
export async function runRefresh(args: Extract<Args, { command: 'refresh' }>, output: Output): Promise<number> {
  const connection = portConnectionFromEnv(process.env, args.parallelism);
  const store = openStore(args, 'empty');
  const port = new PortClient(connection);
  const lock = acquireStateLock(store.db, 'refresh');
  try {
    const { style } = output;
    const result = await refreshState(store, port, (report) => {
      if (args.json) void output.json({ type: 'drift', ...report });
      else if (report.kind === 'deleted') void output.stdout.write(`  ${style.destroy('-')} ${report.address}: deleted in Port\n`);
      else void output.stdout.write(`  ${style.update('~')} ${report.address}: ${report.fields.join(', ')} changed in Port\n`);
    });
    const deleted = result.drifted.filter((d) => d.kind === 'deleted').length;
    const changed = result.drifted.length - deleted;
    if (args.json) await output.json({ type: 'refresh_complete', checked: result.checked, changed, deleted });
    else {
      const next = result.drifted.length > 0 ? ' Run `aws2port plan` to see how aws2port would restore them.' : '';
      await output.stdout.write(`\nRefresh complete: ${result.checked} entities checked, ${changed} changed in Port, ${deleted} deleted in Port.${next}\n`);
    }
    return 0;
  } finally {
    lock.release();
    store.db.close();
    await port.close();
  }
}
