import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Aws2PortError } from '../errors/index.js';
import { PLAN_FORMAT_VERSION, type PlanDocument } from './plan-document.js';

/** Saves a plan as its JSON document, atomically (a half-written plan file never exists). */
export function savePlanFile(file: string, plan: PlanDocument): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(plan)}\n`);
  renameSync(temporary, file);
}

/** Reads a saved plan; a file that is not one fails with PlanFileInvalid. */
export function loadPlanFile(file: string): PlanDocument {
  let plan: PlanDocument;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
  } catch (error) {
    throw new Aws2PortError('PlanFileInvalid', `Cannot read the plan file ${file}.`, {
      detail: 'Pass a file written by `aws2port plan --out FILE`.',
      subject: file,
      cause: error,
    });
  }
  if (plan?.format_version !== PLAN_FORMAT_VERSION || !Array.isArray(plan.resource_changes)) {
    throw new Aws2PortError('PlanFileInvalid', `${file} is not a plan of this aws2port (format ${String(plan?.format_version)}, expected ${PLAN_FORMAT_VERSION}).`, {
      detail: 'Run `aws2port plan --out FILE` again with this version.',
      subject: file,
    });
  }
  return plan;
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
export function assertPlanApplicable(plan: PlanDocument, basis: PlanBasis): void {
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
