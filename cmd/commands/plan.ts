import { hasChanges, makePlan, renderPlanText, savePlanFile } from '../../src/plan/index.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow, openStore } from '../context.js';
import type { Output } from '../output.js';

/** `aws2port plan`: exit 0, or 2 with --detailed-exitcode when there are changes. */
export async function runPlan(args: Extract<Args, { command: 'plan' }>, output: Output): Promise<number> {
  const config = loadConfigOrThrow(args, output);
  const store = openStore(args);
  try {
    const plan = await makePlan({ config, store, targets: args.targets, parallelism: args.parallelism, log: output.log });
    if (args.out) savePlanFile(args.out, plan);
    if (args.json) output.json(plan);
    else renderPlanText(plan, output.stdout, output.style);
    if (args.out && !args.json) output.log(`\nSaved the plan to: ${args.out}\nTo perform exactly these actions, run: aws2port apply ${args.out}`);
    return args.isDetailedExitcode && hasChanges(plan) ? 2 : 0;
  } finally {
    store.db.close();
  }
}
