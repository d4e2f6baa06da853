import { readPlanFile, renderPlanMarkdown, renderPlanText, writePlanJson } from '../../src/plan/index.js';
import { openScratchDatabase } from '../../state/index.js';
import type { Args } from '../arguments.js';
import type { Output } from '../output.js';

/**
 * `aws2port show PLANFILE`: prints a saved plan as `plan` printed it, as `plan --json` did
 * (`--json`), or as a pull-request comment (`--markdown`). Reads the plan file alone: no config, no
 * state, no AWS, no Port.
 */
export async function runShow(args: Extract<Args, { command: 'show' }>, output: Output): Promise<number> {
  const db = openScratchDatabase();
  try {
    const plan = await readPlanFile(args.planFile, db);
    if (args.json) await writePlanJson(plan, output.stdout);
    else if (args.isMarkdown) await renderPlanMarkdown(plan, output.stdout);
    else await renderPlanText(plan, output.stdout, output.style);
    plan.changes.close();
    return 0;
  } finally {
    db.close();
  }
}
