import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Aws2PortError } from '../errors/index.js';
import type { PlanHeader, Plan } from './plan.js';
import { writePlanJson } from './plan-json.js';

/** Saves a plan as its JSON document, atomically: a half-written plan file never exists. */
export async function savePlanFile(file: string, plan: Plan): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  try {
    await writePlanJson(plan, {
      write: async (text) => {
        if (!stream.write(text)) await once(stream, 'drain');
      },
    });
    stream.end();
    await once(stream, 'finish');
    renameSync(temporary, file);
  } catch (error) {
    stream.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What a saved plan must still match to be applied. */
export interface PlanBasis {
  lineage: string;
  serial: number;
  configHash: string;
}

/**
 * Refuses a saved plan that no longer describes the state it would change (invariant 5): another
 * state, a state that moved since, or another config.
 */
export function assertPlanApplicable(plan: Pick<PlanHeader, 'lineage' | 'serial' | 'config_hash'>, basis: PlanBasis): void {
  if (plan.lineage !== basis.lineage) {
    throw new Aws2PortError('PlanStale', `Saved plan is stale: it was made from a different state (lineage ${plan.lineage}, this state is ${basis.lineage}). Run plan again.`);
  }
  if (plan.serial !== basis.serial) {
    throw new Aws2PortError('PlanStale', `Saved plan is stale: the state changed (serial ${plan.serial} -> ${basis.serial}) since it was made. Run plan again.`);
  }
  if (plan.config_hash !== basis.configHash) {
    throw new Aws2PortError('PlanStale', 'Saved plan is stale: it was made with a different config. Run plan again.');
  }
}
